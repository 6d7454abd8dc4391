// The front desk: every incoming call meets the rules (first match wins) and is rejected, redirected,
// told the desk is closed, or answered into an IVR menu. The decision and its reason go into the call's
// timeline. Rules come from the configuration file; edits made at run time (bot, tab) are kept in the
// store and win until reset.
import type { CallingApi, CallView, Clock, CoreLogger, PartyIdentity } from '../../core';
import type { CallingStorage } from '../../storage';
import { initialIvrState, IVR_FLOW, type MenuSet } from '../ivr';
import type { EnterQueue } from '../queue';
import { resolveTarget, type Directory, type FlowRuntime } from '../runtime';
import { closedMenu } from './closed-menu';
import type { FrontDeskConfig } from './config-schema';
import { decide, describeAction, directoryOf, type Decision } from './decide';
import { validateFrontDeskConfig } from './load-config';

export const FRONTDESK_KV = 'frontdesk';
const CONFIG_KEY = 'config';
// Graph drops an incoming call nobody answered within 15 s; older ones are not picked up on restart.
const ANSWER_WINDOW_MS = 15_000;

export interface FrontDeskOptions {
  readonly calling: CallingApi;
  readonly store: CallingStorage;
  readonly runtime: FlowRuntime;
  readonly logger: CoreLogger;
  /** The configuration file's rules (already validated). */
  readonly fileConfig: FrontDeskConfig;
  readonly menus: MenuSet;
  /** Starts the queue flow on a call (rules that answer into a queue); none without QUEUES_CONFIG. */
  readonly enterQueue?: EnterQueue;
  readonly queueNames?: ReadonlySet<string>;
  readonly clock?: Clock;
}

/** The front desk's public face (the bot and the tab edit rules through it). */
export interface FrontDesk {
  /** The rules in force: edited at run time (`store`), or the file's (`file`, version 0). */
  current(): Promise<{ config: FrontDeskConfig; version: number; source: 'file' | 'store' }>;
  /** Replaces the rules after validating them; `expectedVersion` guards against a concurrent edit. */
  update(config: unknown, opts?: { expectedVersion?: number }): Promise<{ version: number }>;
  /** Drops the run-time rules: the file's apply again. */
  reset(): Promise<void>;
  /** What the rules would decide for a caller now (or at `at`), without touching any call. */
  preview(caller: PartyIdentity, at?: number): Promise<Decision>;
  /** The people and meetings in force. */
  directory(): Promise<Directory>;
  /** Decides and acts on one incoming call (called for every `incoming` event once started). */
  handle(call: CallView, caller: PartyIdentity): Promise<Decision | undefined>;
  start(): Promise<void>;
  stop(): void;
}

/** Builds the front desk. */
export function createFrontDesk(opts: FrontDeskOptions): FrontDesk {
  const { calling, store, runtime } = opts;
  const clock = opts.clock ?? { now: () => Date.now() };
  const log = opts.logger.child({ module: 'calling.frontdesk' });
  const menuIds = new Set(opts.menus.keys());
  let off: (() => void) | undefined;

  async function current() {
    const got = await store.kv.get<FrontDeskConfig>(FRONTDESK_KV, CONFIG_KEY);
    if (got) return { config: got.value, version: got.version, source: 'store' as const };
    return { config: opts.fileConfig, version: 0, source: 'file' as const };
  }

  // Counted by the store: reading every live call for each incoming one made a burst of N calls cost N².
  const inProgress = (except?: string): Promise<number> => calling.countCallsInProgress('incoming', except);

  async function act(call: CallView, d: Decision, config: FrontDeskConfig): Promise<void> {
    const a = d.action;
    if ('reject' in a) return calling.reject(call.id, a.reject);
    if ('redirect' in a) {
      const dir = directoryOf(config);
      const targets = (Array.isArray(a.redirect) ? a.redirect : [a.redirect]).map((t) =>
        resolveTarget(t, dir),
      );
      return calling.redirect(call.id, targets, a.timeoutSeconds ? { timeoutSeconds: a.timeoutSeconds } : {});
    }
    if ('queue' in a) {
      if (!opts.enterQueue)
        throw new Error(`no call queues are configured (QUEUES_CONFIG), so "${a.queue}" cannot take calls`);
      return opts.enterQueue(call.id, a.queue, `front desk: ${d.reason}`);
    }
    const now = clock.now();
    const state =
      'closed' in a
        ? initialIvrState('@inline', { inline: closedMenu(a.closed), origin: d.reason, now })
        : initialIvrState(a.ivr, { origin: d.reason, now });
    await runtime.begin(call.id, IVR_FLOW, state, { callIds: [call.id] });
  }

  async function handle(call: CallView, caller: PartyIdentity): Promise<Decision | undefined> {
    const c = log.child({ callId: call.id });
    if (call.resource['meetingInfo'] || call.resource['chatInfo']) {
      c.info({}, 'an invitation into a meeting or group call: not a front desk call');
      return undefined;
    }
    const { config } = await current();
    const d = decide(config, { caller, at: clock.now(), callsInProgress: await inProgress(call.id) });
    const summary = `front desk: ${describeAction(d.action)}; ${d.reason}`;
    await calling.saveFlow(
      call.id,
      { kind: 'frontdesk', decision: { rule: d.rule ?? null, action: d.action, reason: d.reason } },
      summary,
    );
    c.info({ rule: d.rule, action: describeAction(d.action) }, 'front desk decision');
    try {
      await act(call, d, config);
    } catch (err) {
      c.warn({ err }, 'the front desk could not carry out its decision; rejecting the call');
      await calling
        .saveFlow(
          call.id,
          { kind: 'frontdesk', failed: String(err) },
          `front desk: ${describeAction(d.action)} failed (${(err as Error).message}); rejecting`,
        )
        .catch((e: unknown) => c.warn({ err: e }, 'could not note the failure'));
      await calling
        .reject(call.id, 'none')
        .catch((e: unknown) => c.warn({ err: e }, 'could not reject the call'));
    }
    return d;
  }

  return {
    current,
    async update(value, o = {}) {
      const config = validateFrontDeskConfig(value, {
        menuIds,
        menus: opts.menus,
        ...(opts.queueNames ? { queueNames: opts.queueNames } : {}),
      });
      const version = await store.kv.put(
        FRONTDESK_KV,
        CONFIG_KEY,
        config,
        o.expectedVersion === undefined ? {} : { expectedVersion: o.expectedVersion },
      );
      log.info({ version, rules: config.rules.length }, 'front desk rules updated at run time');
      return { version };
    },
    async reset() {
      await store.kv.delete(FRONTDESK_KV, CONFIG_KEY);
      log.info({}, 'front desk rules reset to the configuration file');
    },
    async preview(caller, at) {
      const { config } = await current();
      return decide(config, { caller, at: at ?? clock.now(), callsInProgress: await inProgress() });
    },
    async directory() {
      return directoryOf((await current()).config);
    },
    handle,
    async start() {
      off ??= calling.on('incoming', (e) => handle(e.call, e.caller).then(() => undefined));
      // Calls that rang while the app was down and can still be answered.
      const live = await calling.listCalls({ active: true, limit: 200 });
      for (const call of live) {
        if (call.direction !== 'incoming' || call.state !== 'incoming' || call.flow) continue;
        if (clock.now() - call.createdAt > ANSWER_WINDOW_MS) continue;
        void handle(call, call.source).catch((err: unknown) =>
          log.warn({ err, callId: call.id }, 'could not take a ringing call'),
        );
      }
    },
    stop() {
      off?.();
      off = undefined;
    },
  };
}

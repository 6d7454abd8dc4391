// createClickToCall: call A, and when A answers say who they are being connected to and transfer them
// to B; the result is recorded and reported. Each click-to-call is a `connect` flow on the flow runtime
// (connect-flow.ts): its record is the flow's state, so any instance carries it on after a restart.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { CallView, CoreLogger } from '../../core';
import type { Notifier } from '../notify';
import { describeTarget, partyOf, targetOf, type Voice } from '../reminders';
import type { FlowRuntime } from '../runtime';
import {
  CONNECT_FLOW,
  CONNECT_SCENARIO,
  connectKey,
  DEFAULT_CLICK_TO_CALL_TIMING,
  type ClickToCallTiming,
  type ConnectCalling,
  type ConnectContext,
} from './context';
import { createConnectFlow } from './connect-flow';
import { ClickToCallError } from './errors';
import { announcement, say } from './speech';
import type { ConnectRecord, ConnectRequest } from './types';

export interface ClickToCallOptions {
  readonly calling: ConnectCalling;
  /** The flow runtime the `connect` flows run on (registered here; started by its owner). */
  readonly runtime: FlowRuntime;
  readonly logger: CoreLogger;
  readonly notifier?: Notifier;
  /** The chat results go to when the request names none (a conversation id). */
  readonly notifyTarget?: string;
  /** Text to speech for "connecting you to B"; without one the `connecting` prompt plays. */
  readonly voice?: Voice;
  readonly now?: () => number;
  readonly timing?: Partial<ClickToCallTiming>;
  /** The resource account used when a request names none (needed for phone numbers). */
  readonly defaultFrom?: { readonly applicationInstance: string };
}

export interface ClickToCall {
  /** Calls A; resolves once the call is placed, with the record (its `callId` is the call to A). */
  connect(req: ConnectRequest): Promise<ConnectRecord>;
  get(id: string): Promise<ConnectRecord | undefined>;
  /** Resolves with the record once it has a result (or as it stands when `timeoutMs` runs out). */
  wait(id: string, timeoutMs?: number): Promise<ConnectRecord | undefined>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function party(who: string, name: string | undefined, side: 'A' | 'B') {
  const t = targetOf(who, name);
  if (!t)
    throw new ClickToCallError(
      `${side} ("${who}") is neither a person's object id nor a phone number.`,
      'Give a person (their Entra object id) or a number in E.164 form, e.g. +14255550123.',
    );
  return t;
}

/** Builds click-to-call on the calling service and the flow runtime. */
export function createClickToCall(opts: ClickToCallOptions): ClickToCall {
  const now = opts.now ?? (() => Date.now());
  const ctx: ConnectContext = {
    calling: opts.calling,
    logger: opts.logger.child({ module: 'calling.click-to-call' }),
    timing: { ...DEFAULT_CLICK_TO_CALL_TIMING, ...opts.timing },
    ...(opts.notifier ? { notifier: opts.notifier } : {}),
    ...(opts.notifyTarget ? { notifyTarget: opts.notifyTarget } : {}),
    ...(opts.voice ? { voice: opts.voice } : {}),
  };
  const { runtime } = opts;
  // Results finished on this instance wake its waiters at once; others' are seen when the wait ends.
  const finished = new EventEmitter();
  const flow = createConnectFlow(ctx);
  runtime.register<ConnectRecord>({
    kind: flow.kind,
    async handle(state, event, ctl) {
      const next = await flow.handle(state, event, ctl);
      if (next.status === 'done' && state.status !== 'done') setImmediate(() => finished.emit(next.id));
      return next;
    },
  });
  const get = async (id: string) => (await runtime.get(connectKey(id)))?.state as ConnectRecord | undefined;

  return {
    async connect(req) {
      const a = party(req.a, req.aName, 'A');
      const b = party(req.b, req.bName, 'B');
      const from = req.from ?? opts.defaultFrom;
      if ((a.kind === 'phone' || b.kind === 'phone') && !from)
        throw new ClickToCallError(
          'Connecting a phone number needs a resource account with a number.',
          'Pass from: { applicationInstance: <the resource account object id> }.',
        );
      const at = now();
      const record: ConnectRecord = {
        id: randomUUID(),
        a,
        b,
        requestedBy: req.requestedBy,
        ...(from ? { from } : {}),
        status: 'calling',
        createdAt: at,
        updatedAt: at,
      };
      const key = connectKey(record.id);
      await runtime.begin(key, CONNECT_FLOW, record, { requestedBy: req.requestedBy.id });
      // Speech is made while A's phone rings, so the announcement plays as soon as A answers.
      void say(ctx, announcement(record), []).catch(() => undefined);
      let call: CallView;
      try {
        // Bound to the flow from its first notification, so no event of A's call is missed.
        call = await ctx.calling.placeCall({
          to: partyOf(a),
          ...(from ? { from } : {}),
          subject: `Connecting you to ${describeTarget(b)}`,
          scenarioId: CONNECT_SCENARIO,
          purpose: 'connect',
          flowKey: key,
        });
      } catch (err) {
        const why = `the call to ${describeTarget(a)} could not be placed`;
        await runtime.dispatch(key, { type: 'custom', name: 'notPlaced', data: why });
        throw err;
      }
      await runtime.bindCall(key, call.id);
      await runtime.dispatch(key, { type: 'custom', name: 'placed', data: call.id });
      ctx.logger.info({ connectId: record.id, callId: call.id }, 'click-to-call: calling A');
      return (await get(record.id)) ?? { ...record, callId: call.id };
    },
    get,
    async wait(id, timeoutMs = 120_000) {
      const r = await get(id);
      if (!r || r.status === 'done') return r;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          finished.off(id, done);
          resolve();
        }
        finished.on(id, done);
      });
      return get(id);
    },
    // Connect flows are driven by the runtime, which its owner starts and stops: nothing to start here.
    start: () => Promise.resolve(),
    async stop() {
      finished.removeAllListeners();
    },
  };
}

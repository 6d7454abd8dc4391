// The last line of defence against dead air: a periodic sweep over the store's live calls that finds
// answered incoming calls nothing drives any more (no flow, or a flow with no pending timer and no
// running task) and, once one has stayed so for `idleMs`, asks Graph about it (a call whose end was
// lost is ended by the 404) and otherwise hands it to the fallback, noting it on the call's timeline. The sweep is a claimed job (one instance runs it at a time), and what it has seen
// (each idle call's flow revision and since when) travels in the job's payload, so a restart or another
// instance carries on counting where the last sweep stopped.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CallingApi, CallView, Clock, CoreLogger } from '../../core';
import { idKey } from '../../ids';
import { createJobPoller, type CallingStorage, type ClaimedJob } from '../../storage';
import type { Rescue } from './flow-failure';
import { fromRecord } from './flow-record';
import type { StoredFlow } from './types';

export const WATCHDOG_JOB = 'flows.watchdog';

/** The watchdog's timings, in milliseconds. */
export interface WatchdogTiming {
  /** How long an answered call may go undriven before the fallback takes it (default 45 s). */
  readonly idleMs: number;
  /** How often the sweep runs (default 10 s). */
  readonly intervalMs: number;
  /** How often due jobs are looked for (default 5 s). */
  readonly pollMs: number;
}

export const DEFAULT_WATCHDOG_TIMING: WatchdogTiming = { idleMs: 45_000, intervalMs: 10_000, pollMs: 5000 };

export interface WatchdogOptions {
  readonly calling: CallingApi;
  readonly store: CallingStorage;
  readonly logger: CoreLogger;
  readonly rescue: Rescue;
  readonly clock?: Clock;
  readonly timing?: Partial<WatchdogTiming>;
}

export interface Watchdog {
  start(): Promise<void>;
  /** One sweep with what earlier sweeps saw; answers what it saw now and the calls it rescued. */
  sweep(seen: Seen): Promise<{ seen: Seen; rescued: string[] }>;
  stop(): Promise<void>;
}

/** Per undriven call: a mark of its flow (changes whenever the flow moves) and since when it was idle. */
export type Seen = Record<string, { readonly mark: string; readonly since: number }>;

/** Whether the watchdog looks at the call at all: an answered incoming call the front desk took. */
const watched = (call: CallView) =>
  call.direction === 'incoming' &&
  call.state === 'established' &&
  // An invitation into a meeting or group call is not a call the front desk took.
  !call.resource['meetingInfo'] &&
  !call.resource['chatInfo'] &&
  // Two people talking to each other (a queue's caller and the agent brought in) drive it themselves.
  call.participants.filter((p) => !p.isSelf).length < 2;

/**
 * What an undriven call looks like, in words for its timeline; undefined when something drives it.
 * `flow`: the runtime's flow the call is bound to, if any.
 */
export function undriven(call: CallView, flow: StoredFlow | undefined): string | undefined {
  if (!watched(call)) return undefined;
  if (!flow || flow.doneAt !== undefined) return call.flow ? 'its flow never started' : 'no flow took it';
  if (Object.keys(flow.timers).length > 0 || Object.keys(flow.tasks).length > 0) return undefined;
  return `its ${flow.kind} flow has nothing left to do`;
}

const markOf = (flow: StoredFlow | undefined) => (flow ? `${flow.kind}@${flow.rev}` : 'none');

/** Builds the watchdog; start() schedules its job and polls for it. */
export function createWatchdog(opts: WatchdogOptions): Watchdog {
  const timing = { ...DEFAULT_WATCHDOG_TIMING, ...opts.timing };
  const clock = opts.clock ?? { now: () => Date.now() };
  const log = opts.logger.child({ module: 'calling.flows.watchdog' });
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  const flows = opts.store.flowData.flows;
  const flowOf = async (call: CallView) => {
    const record = await flows.get(call.flowKey ?? idKey(call.id));
    return record && fromRecord(record);
  };

  async function goneAtGraph(callId: string): Promise<boolean> {
    try {
      await opts.calling.refresh(callId);
      return false;
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'graph_call_gone') {
        log.warn({ err, callId }, 'the watchdog could not check the call with Graph');
        return false;
      }
      log.info({ callId }, 'the watchdog found a call Graph no longer has; it is ended here');
      return true;
    }
  }

  async function sweep(seen: Seen): Promise<{ seen: Seen; rescued: string[] }> {
    const now = clock.now();
    const next: Seen = {};
    const rescued: string[] = [];
    for (const call of await opts.calling.listCalls({ active: true, limit: 1000 })) {
      if (!watched(call)) continue;
      const flow = await flowOf(call);
      const why = undriven(call, flow);
      if (!why) continue;
      const mark = markOf(flow);
      const before = seen[call.id];
      const since = before && before.mark === mark ? before.since : now;
      if (now - since < timing.idleMs) {
        next[call.id] = { mark, since };
        continue;
      }
      // The call may have ended without our hearing it (a lost `terminated`): Graph's 404 ends it here.
      if (await goneAtGraph(call.id)) continue;
      const summary = `watchdog: ${why} for ${Math.round((now - since) / 1000)} s; handing the caller to the fallback`;
      log.warn({ callId: call.id, why }, 'an answered call is not driven by any flow; rescuing it');
      rescued.push(call.id);
      try {
        await opts.calling.note(call.id, summary);
        await opts.rescue(call.id, summary);
      } catch (err) {
        log.error({ err, callId: call.id }, 'the fallback could not take an undriven call');
      }
    }
    return { seen: next, rescued };
  }

  const schedule = (seen: Seen) =>
    opts.store.jobs.schedule({
      kind: WATCHDOG_JOB,
      key: WATCHDOG_JOB,
      dueAt: clock.now() + timing.intervalMs,
      payload: { seen },
    });

  async function run(job: ClaimedJob): Promise<void> {
    const payload = (job.payload ?? {}) as { seen?: Seen };
    const { seen } = await sweep(payload.seen ?? {});
    // Rescheduling under the same key replaces this claimed row.
    await schedule(seen);
    await opts.store.jobs.complete(job.id, owner);
  }

  const poller = createJobPoller({
    jobs: opts.store.jobs,
    owner,
    kinds: [WATCHDOG_JOB],
    limit: 1,
    pollMs: timing.pollMs,
    now: () => clock.now(),
    run,
    retryAt: () => clock.now() + timing.intervalMs,
    onError: (err) => log.warn({ err }, 'the watchdog sweep failed; retrying'),
  });

  return {
    async start() {
      const pending = await opts.store.jobs.list({ kind: WATCHDOG_JOB, limit: 1 });
      if (pending.length === 0) await schedule({});
      poller.start();
    },
    sweep,
    stop: () => poller.stop(),
  };
}

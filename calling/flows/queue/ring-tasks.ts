// The background work of ringing agents for one caller: asking the store for a ring, moving the agent
// who answered into the caller's call, and ending rings and queue calls. Each kicks the queue when it
// frees an agent, so the next caller's flow asks for its own ring (no polling loop).
import type { QueueStore, RingOffer, RingOutcome } from '../../storage';
import type { CallingApi, OperationView } from '../../core';
import { hangUpResending, type Directory } from '../runtime';
import { agentIds, type Availability } from './agents';
import type { QueueConfig } from './queue-schema';

// An agent whose ring for a caller just ended (declined, busy, unanswered) is passed over for that
// caller this long, so the next agent is tried; other callers may still get them.
export const RETRY_AGENT_AFTER_MS = 60_000;
// How long the move of the agent into the caller's call may take (Graph rings nobody for it).
const INVITE_TIMEOUT_MS = 30_000;

interface WarnLog {
  warn(obj: object, msg?: string): void;
}

export interface RingDeps {
  readonly calling: CallingApi;
  readonly store: QueueStore;
  /** Agents' presence; without it nobody is Available and no agent is rung. */
  readonly availability?: Availability;
  readonly directory: () => Promise<Directory>;
  /** Asks every caller waiting in `queue` to ask for a ring (something freed an agent). */
  readonly kick: (queue: string) => Promise<void>;
  /** Posts the agent's card for a new ring (ring-notice.ts); a failure is logged and the ring goes on. */
  readonly agentRung?: (offer: RingOffer) => Promise<void>;
  readonly log?: WarnLog;
}

/** Callers and agents a dead flow left behind: a caller whose call is over leaves, an agent whose queue call is over is free. */
async function tidy(deps: RingDeps, queue: string, agents: readonly string[], now: number) {
  for (const e of await deps.store.waiting(queue)) {
    const call = await deps.calling.getCall(e.callId);
    if (!call || call.state === 'terminated') await deps.store.leave(e.callId, now);
  }
  for (const a of await deps.store.agents(agents)) {
    if (a.state !== 'busy' || a.callId === undefined) continue;
    const call = await deps.calling.getCall(a.callId);
    if (!call || call.state === 'terminated') await deps.store.agentDone(a.agentId, call?.endedAt ?? now);
  }
}

/**
 * Asks the store for this caller's ring: an agent Available, free and picked by the queue's policy, if
 * the caller is next. A ring the store already holds for the caller (its flow lost the answer in a
 * restart) is answered again, so it is placed once.
 */
export function offerTask(
  deps: RingDeps,
  q: QueueConfig,
  e: { readonly queue: string; readonly callId: string; readonly now: number },
): () => Promise<RingOffer | undefined> {
  return async () => {
    const mine = await deps.store.entry(e.callId);
    if (!mine || mine.queue !== e.queue) return undefined;
    if (mine.status === 'ringing' && mine.attemptId !== undefined && mine.agentId !== undefined)
      return {
        attemptId: mine.attemptId,
        queue: e.queue,
        callId: e.callId,
        agentId: mine.agentId,
        waitedMs: e.now - mine.arrivedAt,
      };
    if (!deps.availability) return undefined;
    const agents = agentIds(q, await deps.directory());
    await tidy(deps, e.queue, agents, e.now);
    const available = await deps.availability.available(agents);
    if (available.size === 0) return undefined;
    const offer = await deps.store.offerNext(e.queue, {
      agents,
      available,
      policy: q.pick,
      now: e.now,
      retryAfterMs: RETRY_AGENT_AFTER_MS,
      forCall: e.callId,
    });
    // Only a ring the store has just decided on gets a card: one answered again above already had it.
    if (offer && deps.agentRung)
      await deps
        .agentRung(offer)
        .catch((err: unknown) =>
          deps.log?.warn(
            { err, callId: e.callId, agentId: offer.agentId },
            "could not post the agent's ring card; the ring goes on",
          ),
        );
    return offer;
  };
}

/** Sends the invite that moves the agent over, or waits for the one an earlier run already sent. */
async function inviteOnce(calling: CallingApi, callId: string, agentId: string, agentCallId: string) {
  const sent = (await calling.operations(callId)).filter((o) => o.kind === 'invite').at(-1);
  if (sent && sent.status !== 'failed') return calling.waitForOperation(sent.id, INVITE_TIMEOUT_MS);
  return calling.participants.invite(callId, [{ user: agentId }], {
    replacesCallId: agentCallId,
    timeoutMs: INVITE_TIMEOUT_MS,
  });
}

/**
 * The agent answered: the ring is stored as answered, the music stops and the agent is invited into
 * the caller's call with `replacesCallId` = the agent's call with the app. Of the two moves SPEC.md
 * documents (a consultative transfer, or an invite replacing a call), this one keeps the app in the
 * conversation: the caller's call and its flow live on until it ends, which is when the agent is free
 * again (a transfer would leave the app with no call to tell it). Graph ends the agent's old call.
 */
export function connectTask(
  deps: RingDeps,
  e: {
    readonly callId: string;
    readonly attemptId: string;
    readonly agentId: string;
    readonly agentCallId: string;
    readonly now: number;
    readonly log: WarnLog;
  },
): () => Promise<OperationView> {
  return async () => {
    // False when an earlier run stored it already: the move goes on from there.
    await deps.store.ringEnded(e.attemptId, 'answered', e.now);
    await deps.calling
      .cancelMedia(e.callId)
      .catch((err: unknown) => e.log.warn({ err, callId: e.callId }, 'could not stop the hold music'));
    return inviteOnce(deps.calling, e.callId, e.agentId, e.agentCallId);
  };
}

/** Ends a ring with its outcome (kept on the ring attempt), then lets the queue offer again. */
export function ringEndTask(
  deps: RingDeps,
  e: {
    readonly queue: string;
    readonly attemptId: string;
    readonly outcome: Exclude<RingOutcome, 'cancelled' | 'answered'>;
    readonly now: number;
  },
): () => Promise<void> {
  return async () => {
    await deps.store.ringEnded(e.attemptId, e.outcome, e.now);
    await deps.kick(e.queue);
  };
}

/** The agent's queue call ended: they are free (their handling time kept), and the queue offers again. */
export function agentDoneTask(
  deps: RingDeps,
  queue: string,
  agentId: string,
  now: number,
): () => Promise<void> {
  return async () => {
    await deps.store.agentDone(agentId, now);
    await deps.kick(queue);
  };
}

// How long a leaving caller's flow waits for the ring it hung up to end, so the ring's end reaches
// the queue flow and not the flow the caller goes to next.
const RING_GONE_MS = 10_000;

/** Hangs up a ring the app no longer wants (the caller left, the time ran out); a call already gone is fine. */
export function hangUpRingTask(
  calling: CallingApi,
  callId: string,
  log: WarnLog,
  opts: { readonly waitForEnd?: boolean } = {},
): () => Promise<void> {
  return async () => {
    const call = await calling.getCall(callId);
    if (!call || call.state === 'terminated') return;
    try {
      await hangUpResending(calling, callId);
      if (opts.waitForEnd) await calling.waitForState(callId, 'terminated', RING_GONE_MS);
    } catch (err) {
      log.warn({ err, callId }, 'could not end a ring');
    }
  };
}

/** Takes the caller out of the queue; a ring going on for them is cancelled and hung up, and the agent offered on. */
export function leaveQueueTask(
  deps: RingDeps,
  e: { readonly callId: string; readonly now: number; readonly ringCallId?: string; readonly log: WarnLog },
): () => Promise<void> {
  return async () => {
    const left = await deps.store.leave(e.callId, e.now);
    if (e.ringCallId !== undefined)
      await hangUpRingTask(deps.calling, e.ringCallId, e.log, { waitForEnd: true })();
    if (left?.cancelled) await deps.kick(left.cancelled.queue);
  };
}

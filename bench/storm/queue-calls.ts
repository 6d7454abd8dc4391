// The queue storm's numbers, read from the emulator's view of the calls (summaries and timelines), so
// that they hold whatever the app believes: what became of each caller, how long they waited, how each
// agent's rings ended, and whether an agent was ever rung for two calls at once.
import { percentiles, type Percentiles } from './stats';

export interface EmulatedCall {
  readonly id: string;
  readonly direction: string;
  readonly remotePersonId: string | null;
  readonly endedAt: string | null;
  readonly timeline: readonly { t: number; kind: string; [detail: string]: unknown }[];
}

export interface QueueSummary {
  readonly placed: number;
  /** An agent was moved into the caller's call. */
  readonly putThrough: number;
  /** A recording began after the caller chose the queue (the message path). */
  readonly toMessage: number;
  /** Chose the queue, then hung up (or were hung up at the run's end) before an agent came. */
  readonly hungUpWaiting: number;
  /** Never chose the queue (the menu did not hear the key before the call ended). */
  readonly neverJoined: number;
  /** From the key that chose the queue to the agent answering the ring, in ms. */
  readonly waitMs: Percentiles;
  readonly rings: { readonly answered: number; readonly declined: number; readonly unanswered: number };
  /** Rings of one agent that overlapped another ring of the same agent (0 is the target). */
  readonly overlappingRings: number;
}

type Entry = EmulatedCall['timeline'][number];
const SETTLED = new Set(['answered', 'decline', 'busy', 'noAnswer']);
const personEvent = (e: Entry, event: string): boolean => e.kind === 'person' && e.event === event;

interface Ring {
  readonly agent: string;
  readonly start: number;
  readonly end: number;
  readonly answeredAt: number | undefined;
  readonly outcome: 'answered' | 'declined' | 'unanswered';
}

function ringOf(call: EmulatedCall, agents: ReadonlySet<string>): Ring | undefined {
  const ringing = call.timeline.find((e) => personEvent(e, 'ringing'));
  const agent = typeof ringing?.personId === 'string' ? ringing.personId : undefined;
  if (!ringing || !agent || !agents.has(agent)) return undefined;
  const settled = call.timeline.find((e) => e.kind === 'person' && SETTLED.has(String(e.event)));
  // A ring the app hung up before any answer has no settling event: it lasted until the call ended.
  const end = settled?.t ?? (call.endedAt ? Date.parse(call.endedAt) : Number.POSITIVE_INFINITY);
  const outcome =
    settled?.event === 'answered' ? 'answered' : settled?.event === 'decline' ? 'declined' : 'unanswered';
  return { agent, start: ringing.t, end, answeredAt: outcome === 'answered' ? end : undefined, outcome };
}

/** Rings that began before an earlier ring of the same agent had ended. */
export function overlapping(rings: readonly Ring[]): number {
  const byAgent = new Map<string, Ring[]>();
  for (const r of rings) byAgent.set(r.agent, [...(byAgent.get(r.agent) ?? []), r]);
  let n = 0;
  for (const list of byAgent.values()) {
    let busyUntil = Number.NEGATIVE_INFINITY;
    for (const r of [...list].sort((a, b) => a.start - b.start)) {
      if (r.start < busyUntil) n += 1;
      busyUntil = Math.max(busyUntil, r.end);
    }
  }
  return n;
}

/** Sums up one queue storm; `queueKey` is the menu key that chose the queue. */
export function summariseQueue(
  calls: readonly EmulatedCall[],
  callers: ReadonlySet<string>,
  agents: ReadonlySet<string>,
  queueKey: string,
): QueueSummary {
  const rings = new Map<string, Ring>();
  for (const c of calls) {
    const r = ringOf(c, agents);
    if (r) rings.set(c.id, r);
  }
  const out = { placed: 0, putThrough: 0, toMessage: 0, hungUpWaiting: 0, neverJoined: 0 };
  const waits: number[] = [];
  for (const c of calls) {
    if (c.direction !== 'incoming' || !c.remotePersonId || !callers.has(c.remotePersonId)) continue;
    out.placed += 1;
    const joined = c.timeline.find((e) => personEvent(e, 'key') && e.key === queueKey);
    const moved = c.timeline.find((e) => personEvent(e, 'moved-in') && agents.has(String(e.personId)));
    if (!joined) out.neverJoined += 1;
    else if (moved) {
      out.putThrough += 1;
      const answeredAt = rings.get(String(moved.fromCallId))?.answeredAt ?? moved.t;
      waits.push(answeredAt - joined.t);
    } else if (
      c.timeline.some((e) => e.kind === 'request' && e.t > joined.t && /recordResponse/.test(String(e.path)))
    )
      out.toMessage += 1;
    else out.hungUpWaiting += 1;
  }
  const all = [...rings.values()];
  const count = (o: Ring['outcome']) => all.filter((r) => r.outcome === o).length;
  return {
    ...out,
    waitMs: percentiles(waits),
    rings: { answered: count('answered'), declined: count('declined'), unanswered: count('unanswered') },
    overlappingRings: overlapping(all),
  };
}

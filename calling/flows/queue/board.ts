// A queue's board: who waits (in order, for how long, who is being rung for them) and each agent's queue
// state and Teams presence. One function computes it from the store and the configuration, so the
// chat's card and the tab draw the same truth.
import type { QueueAgent, QueueEntry, QueueStore } from '../../storage';
import type { Directory } from '../runtime';
import type { QueueConfig, QueuesFile } from './queue-schema';

/** `onCall`: on a queue call; `signedOut`: idle and signed out of this queue. */
export type BoardAgentState = 'idle' | 'ringing' | 'onCall' | 'signedOut';

export interface BoardCaller {
  readonly callId: string;
  /** 1 = next to be put through. */
  readonly position: number;
  /** A name or a number, as the call showed it; never anything the caller said. */
  readonly caller: string;
  /** Since they first joined a queue. */
  readonly waitedMs: number;
  /** The agent rung for them now, by name. */
  readonly ringing?: string;
}

export interface BoardAgent {
  /** Lower-case object id. */
  readonly id: string;
  readonly name: string;
  readonly state: BoardAgentState;
  readonly signedIn: boolean;
  /** Graph's availability and activity; PresenceUnknown when it could not be read. */
  readonly availability: string;
  readonly activity: string;
}

export interface QueueBoard {
  readonly queue: string;
  readonly description?: string;
  /** When it was computed (epoch ms). */
  readonly at: number;
  readonly callers: readonly BoardCaller[];
  readonly longestWaitMs?: number;
  readonly agents: readonly BoardAgent[];
  /** Why presence is unknown on this board, when Graph could not be read. */
  readonly presenceProblem?: string;
}

/** The presence the board shows (Graph's getPresencesByUserId, availability and activity). */
export interface BoardPresenceReader {
  getPresences(ids: readonly string[]): Promise<
    ReadonlyArray<{
      readonly id?: string | null;
      readonly availability?: string | null;
      readonly activity?: string | null;
    }>
  >;
}

export const UNKNOWN_CALLER = 'Unknown caller';

/** A queue's agents with the names the configuration gives them, in the queue's order. */
export function namedAgents(q: QueueConfig, dir: Directory): Array<{ id: string; name: string }> {
  return q.agents.flatMap((a) => {
    const party = typeof a === 'string' ? dir.people[a] : a;
    if (!party || !('user' in party)) return [];
    const name = party.displayName ?? (typeof a === 'string' ? a : party.user);
    return [{ id: party.user.toLowerCase(), name }];
  });
}

/** What the store says about one queue, with the presence read for its agents. */
export interface BoardInput {
  readonly queue: string;
  readonly config: QueueConfig;
  readonly agents: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly waiting: readonly QueueEntry[];
  readonly states: readonly QueueAgent[];
  readonly signedOut: readonly string[];
  readonly presence: ReadonlyMap<string, { readonly availability: string; readonly activity: string }>;
  readonly now: number;
  readonly presenceProblem?: string;
}

/** The board from what was read; pure. */
export function computeBoard(i: BoardInput): QueueBoard {
  const names = new Map(i.agents.map((a) => [a.id, a.name]));
  const states = new Map(i.states.map((s) => [s.agentId.toLowerCase(), s]));
  const out = new Set(i.signedOut);
  const callers = i.waiting.map((e, n): BoardCaller => {
    const agent = e.status === 'ringing' && e.agentId ? e.agentId.toLowerCase() : undefined;
    return {
      callId: e.callId,
      position: n + 1,
      caller: e.caller ?? UNKNOWN_CALLER,
      waitedMs: Math.max(0, i.now - e.arrivedAt),
      ...(agent ? { ringing: names.get(agent) ?? 'an agent of another queue' } : {}),
    };
  });
  const agents = i.agents.map((a): BoardAgent => {
    const s = states.get(a.id)?.state ?? 'idle';
    const signedIn = !out.has(a.id);
    const state: BoardAgentState =
      s === 'busy' ? 'onCall' : s === 'ringing' ? 'ringing' : signedIn ? 'idle' : 'signedOut';
    const p = i.presence.get(a.id);
    return {
      id: a.id,
      name: a.name,
      state,
      signedIn,
      availability: p?.availability ?? 'PresenceUnknown',
      activity: p?.activity ?? p?.availability ?? 'PresenceUnknown',
    };
  });
  const longest = callers.reduce((m, c) => Math.max(m, c.waitedMs), -1);
  return {
    queue: i.queue,
    ...(i.config.description ? { description: i.config.description } : {}),
    at: i.now,
    callers,
    ...(longest >= 0 ? { longestWaitMs: longest } : {}),
    agents,
    ...(i.presenceProblem ? { presenceProblem: i.presenceProblem } : {}),
  };
}

export interface QueueBoards {
  /** The configured queues' names, in the file's order. */
  names(): string[];
  /** One queue's board; undefined for a queue that is not configured. */
  board(queue: string): Promise<QueueBoard | undefined>;
  /** Every queue's board, with one presence request for all their agents. */
  boards(): Promise<QueueBoard[]>;
  /** The configured agents of a queue (lower-case object ids), undefined for an unknown queue. */
  agentsOf(queue: string): Promise<Array<{ id: string; name: string }> | undefined>;
}

/** Boards over the store, the queues file, the front desk's directory and Graph presence. */
export function createQueueBoards(deps: {
  readonly queues: QueuesFile['queues'];
  readonly directory: () => Promise<Directory>;
  readonly store: QueueStore;
  readonly presence: BoardPresenceReader;
  readonly now?: () => number;
}): QueueBoards {
  const now = deps.now ?? Date.now;
  const names = () => Object.keys(deps.queues);

  async function presenceOf(ids: readonly string[]) {
    const map = new Map<string, { availability: string; activity: string }>();
    if (ids.length === 0) return { map };
    try {
      for (const p of await deps.presence.getPresences(ids)) {
        if (!p.id) continue;
        const availability = p.availability ?? 'PresenceUnknown';
        map.set(p.id.toLowerCase(), { availability, activity: p.activity ?? availability });
      }
      return { map };
    } catch (err) {
      const problem = `Presence could not be read (${err instanceof Error ? err.message : String(err)}); it shows as unknown until it can.`;
      return { map, problem };
    }
  }

  async function compute(list: readonly string[]): Promise<QueueBoard[]> {
    const dir = await deps.directory();
    const configured = list.flatMap((queue) => {
      const config = deps.queues[queue];
      return config ? [{ queue, config, agents: namedAgents(config, dir) }] : [];
    });
    const allIds = [...new Set(configured.flatMap((c) => c.agents.map((a) => a.id)))];
    const [presence, states] = await Promise.all([presenceOf(allIds), deps.store.agents(allIds)]);
    const t = now();
    return Promise.all(
      configured.map(async (c) => {
        const [waiting, signedOut] = await Promise.all([
          deps.store.waiting(c.queue),
          deps.store.signedOut(c.queue),
        ]);
        return computeBoard({
          ...c,
          waiting,
          states,
          signedOut,
          presence: presence.map,
          now: t,
          ...(presence.problem ? { presenceProblem: presence.problem } : {}),
        });
      }),
    );
  }

  return {
    names,
    async board(queue) {
      return (await compute([queue]))[0];
    },
    boards: () => compute(names()),
    async agentsOf(queue) {
      const config = deps.queues[queue];
      return config && namedAgents(config, await deps.directory());
    },
  };
}

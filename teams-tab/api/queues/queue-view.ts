// A queue's board as the tab's JSON: the calling module's board (the chat's card draws the same one) with
// its time as ISO 8601, like every time the tab API answers.
import type { QueueBoard } from '../../../calling';

export interface TabQueueBoard {
  readonly queue: string;
  readonly description?: string;
  /** When the board was read: waits are counted to this moment. */
  readonly at: string;
  readonly callers: ReadonlyArray<{
    readonly position: number;
    readonly caller: string;
    readonly waitedMs: number;
    readonly ringing?: string;
  }>;
  readonly longestWaitMs?: number;
  readonly agents: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly state: 'idle' | 'ringing' | 'onCall' | 'signedOut';
    readonly signedIn: boolean;
    readonly availability: string;
    readonly activity: string;
  }>;
  readonly presenceProblem?: string;
}

/** The board for the tab; call ids stay in the app (the board names callers as they showed). */
export function toTabQueueBoard(b: QueueBoard): TabQueueBoard {
  return {
    queue: b.queue,
    ...(b.description ? { description: b.description } : {}),
    at: new Date(b.at).toISOString(),
    callers: b.callers.map((c) => ({
      position: c.position,
      caller: c.caller,
      waitedMs: c.waitedMs,
      ...(c.ringing ? { ringing: c.ringing } : {}),
    })),
    ...(b.longestWaitMs === undefined ? {} : { longestWaitMs: b.longestWaitMs }),
    agents: b.agents.map((a) => ({
      id: a.id,
      name: a.name,
      state: a.state,
      signedIn: a.signedIn,
      availability: a.availability,
      activity: a.activity,
    })),
    ...(b.presenceProblem ? { presenceProblem: b.presenceProblem } : {}),
  };
}

// The bot's queues port over the calling module's boards: the same board the tab shows, drawn as a card.
import type { Availability, QueueBoardView, QueuesPort } from '../../bot';
import type { BoardWatch, QueueBoard, QueueBoards } from '../../calling';
import type { QueueStore } from '../../calling';
import { PortError } from './port-error';

const AVAILABILITY: ReadonlySet<string> = new Set<Availability>([
  'Available',
  'AvailableIdle',
  'Away',
  'BeRightBack',
  'Busy',
  'BusyIdle',
  'DoNotDisturb',
  'Offline',
  'PresenceUnknown',
]);

/** The calling module's board in the bot's terms (availability values Graph adds later read as unknown). */
export function boardView(b: QueueBoard): QueueBoardView {
  return {
    queue: b.queue,
    ...(b.description ? { description: b.description } : {}),
    at: b.at,
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
      presence: {
        id: a.id,
        availability: AVAILABILITY.has(a.availability) ? (a.availability as Availability) : 'PresenceUnknown',
        activity: a.activity,
      },
    })),
    ...(b.presenceProblem ? { presenceProblem: b.presenceProblem } : {}),
  };
}

/** Queues as the bot sees them: boards, sign-in and sign-out, changes from the watcher. */
export function createQueuesPort(deps: {
  readonly boards: QueueBoards;
  readonly watch: BoardWatch;
  readonly store: Pick<QueueStore, 'setSignedIn'>;
  readonly now?: () => number;
}): QueuesPort {
  const now = deps.now ?? Date.now;
  // Queue names as configured; people type them in any case.
  const named = (queue: string) => deps.boards.names().find((n) => n.toLowerCase() === queue.toLowerCase());
  const notFound = (queue: string) =>
    new PortError(
      'queue_not_found',
      `There is no call queue named "${queue}".`,
      `The queues are: ${deps.boards.names().join(', ') || 'none'}. Send "queues" to see them.`,
    );

  async function board(queue: string) {
    const name = named(queue);
    const b = name && (await deps.boards.board(name));
    return b ? boardView(b) : undefined;
  }

  return {
    list: async () => (await deps.boards.boards()).map(boardView),
    board,
    async setSignedIn(queue, signedIn, by) {
      const name = named(queue);
      if (!name) throw notFound(queue);
      const agents = (await deps.boards.agentsOf(name)) ?? [];
      const me = by.aadObjectId?.toLowerCase();
      if (!me || !agents.some((a) => a.id === me)) {
        throw new PortError(
          'not_an_agent',
          `You are not an agent of the ${name} queue, so there is nothing to sign ${signedIn ? 'in to' : 'out of'}.`,
          `Its agents are ${agents.map((a) => a.name).join(', ') || 'nobody yet'}. An administrator adds agents in the queues file (QUEUES_CONFIG).`,
        );
      }
      await deps.store.setSignedIn({ queue: name, agentId: me, signedIn, now: now() });
      // Other cards showing the queue follow at once, not at the watcher's next look.
      await deps.watch.check();
      const b = await board(name);
      if (!b) throw notFound(queue);
      return b;
    },
    subscribe: (listener) => deps.watch.subscribe((b) => listener(boardView(b))),
  };
}

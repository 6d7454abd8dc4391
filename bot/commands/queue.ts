import { queueBoardCard, queuesCard } from '../cards/queue-card';
import { BotError } from '../errors';
import type { QueueBoardView } from '../ports';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

async function boardOf(queue: string, s: Scope): Promise<QueueBoardView> {
  const board = await s.ports.queues.board(queue);
  if (board) return board;
  const names = (await s.ports.queues.list()).map((b) => b.queue);
  throw new BotError(
    'queue_not_found',
    `There is no call queue named "${queue}".`,
    names.length > 0
      ? `The queues are: ${names.join(', ')}. Send "queues" to see them all.`
      : 'No call queues are configured; an administrator adds them in the queues file (QUEUES_CONFIG).',
    'No such queue',
  );
}

/** queues: every queue in a line, with a button to open its board. */
export async function queues(_cmd: CommandOf<'queues'>, s: Scope): Promise<Outcome> {
  return { card: queuesCard(await s.ports.queues.list()), inPlace: s.via === 'card' };
}

/** queue {name}: the queue's board, kept up to date in place. */
export async function queue(cmd: CommandOf<'queue'>, s: Scope): Promise<Outcome> {
  const board = await boardOf(cmd.queue, s);
  return { card: queueBoardCard(board), queue: board.queue };
}

/** queue sign in|out {name}: the requester (one of its agents) takes or stops taking its callers. */
export async function queueSignIn(cmd: CommandOf<'queueSignIn'>, s: Scope): Promise<Outcome> {
  const board = await s.ports.queues.setSignedIn(cmd.queue, cmd.signedIn, s.requester);
  return { card: queueBoardCard(board), queue: board.queue, inPlace: s.via === 'card' };
}

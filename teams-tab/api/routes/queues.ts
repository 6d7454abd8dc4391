// The call queues' boards: the same board the chat's queue card shows, read from the store.
import type { TabApiParts } from '../create-tab-api';
import { TabError } from '../errors';
import { toTabQueueBoard } from '../queues/queue-view';
import type { TabRoute } from '../router';

function queuesOf(p: TabApiParts) {
  if (!p.queues || p.queues.boards.names().length === 0)
    throw new TabError(
      503,
      'unavailable',
      'No call queues are set up in this deployment. An administrator adds them in the queues file (QUEUES_CONFIG).',
    );
  return p.queues.boards;
}

export function queueRoutes(p: TabApiParts): TabRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/queues',
      async handle() {
        const boards = await queuesOf(p).boards();
        return { status: 200, body: { queues: boards.map(toTabQueueBoard) } };
      },
    },
    {
      method: 'GET',
      pattern: '/queues/:name',
      async handle({ params }) {
        const boards = queuesOf(p);
        const wanted = (params['name'] ?? '').toLowerCase();
        const name = boards.names().find((n) => n.toLowerCase() === wanted);
        const board = name && (await boards.board(name));
        if (!board)
          throw new TabError(
            404,
            'queue_not_found',
            `There is no call queue named "${params['name'] ?? ''}". The queues are: ${boards.names().join(', ')}.`,
          );
        return { status: 200, body: { queue: toTabQueueBoard(board) } };
      },
    },
  ];
}

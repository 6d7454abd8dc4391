import type { Edge } from './http/types';

/**
 * POST /api/notifications: Graph's subscription handshake is answered here, fast and before anything
 * else (Graph gives 10 s); every other POST goes to `next` (change notifications, verified by clientState).
 */
export function notificationsEdge(next: Edge): Edge {
  return async (req) => {
    const token = req.query.get('validationToken');
    if (token !== null) {
      // URLSearchParams has already URL-decoded it; Graph wants it back exactly, as plain text.
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: token };
    }
    return next(req);
  };
}

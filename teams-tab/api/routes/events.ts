// The live-updates stream and its tickets.
import { z } from 'zod';
import type { TabApiParts } from '../create-tab-api';
import type { TabRoute } from '../router';
import { TAB_PREFIX } from '../prefix';
import { idList, parseBody } from './parse';

const TicketBody = z.looseObject({ ids: z.array(z.string().trim().min(1).max(100)).max(100).optional() });

export function eventRoutes(p: TabApiParts): TabRoute[] {
  return [
    {
      method: 'POST',
      pattern: '/events/ticket',
      async handle({ req, user }) {
        const body = await parseBody(req, TicketBody);
        const ids = [...new Set(body.ids ?? [])];
        const { ticket, expiresInSeconds } = p.hub.issue(user, ids);
        const url = `${TAB_PREFIX}/events?ticket=${encodeURIComponent(ticket)}`;
        return { status: 200, body: { ticket, url, expiresInSeconds } };
      },
    },
    {
      method: 'GET',
      pattern: '/events',
      handle: async ({ req, user }) =>
        p.hub.open(user, p.hub.watchedBy(user) ?? idList(req.query.get('ids'), 100)),
    },
  ];
}

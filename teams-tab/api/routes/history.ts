// The call history chart: the Graph call records the user organized or took part in, per day.
import type { TabApiParts } from '../create-tab-api';
import { historyStart, summariseHistory } from '../calls/history';
import { badRequest, TabError } from '../errors';
import type { TabRoute } from '../router';

export function historyRoutes(p: TabApiParts): TabRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/history',
      async handle({ req, user }) {
        const raw = req.query.get('days') ?? '14';
        const days = Number(raw);
        if (!Number.isInteger(days) || days < 1 || days > 90)
          throw badRequest('days: give a whole number from 1 to 90.');
        if (!p.records)
          throw new TabError(503, 'unavailable', 'Call history is not kept by this deployment.');
        const now = (p.now ?? Date.now)();
        const records = await p.records.forUser(user.id, historyStart(days, now), now + 1);
        return { status: 200, body: summariseHistory(records, days, now) };
      },
    },
  ];
}

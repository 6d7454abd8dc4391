// The call history chart: the user's calls from the app's call records, per day.
import type { TabApiParts } from '../create-tab-api';
import { summariseHistory } from '../calls/history';
import { badRequest } from '../errors';
import type { TabRoute } from '../router';
import { needCalling } from './calls';

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
        const calls = await needCalling(p.calling).listCalls({ limit: 5000 });
        const mine = await p.hub.ownership.filterMine(calls, user);
        return { status: 200, body: summariseHistory(mine, days, (p.now ?? Date.now)()) };
      },
    },
  ];
}

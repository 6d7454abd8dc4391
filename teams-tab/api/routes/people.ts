// Who am I, directory search and presence (read as the user, on-behalf-of).
import type { User } from '@microsoft/microsoft-graph-types';
import type { TabApiParts } from '../create-tab-api';
import { badRequest, TabError } from '../errors';
import { toTabPresence } from '../events/presence-poll';
import type { TabGraph } from '../ports';
import type { TabRoute } from '../router';
import { idList } from './parse';

/** Graph is needed for people and presence; without credentials those routes answer 503. */
export function needGraph(graph: TabGraph | undefined): TabGraph {
  if (!graph)
    throw new TabError(
      503,
      'unavailable',
      'Microsoft Graph is not set up in this deployment (MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId are needed).',
    );
  return graph;
}

/** A directory entry as the tab shows it. */
export function toPerson(u: User) {
  return {
    id: u.id ?? '',
    displayName: u.displayName ?? u.userPrincipalName ?? u.id ?? '',
    ...(u.mail ? { mail: u.mail } : {}),
    ...(u.userPrincipalName ? { userPrincipalName: u.userPrincipalName } : {}),
    ...(u.jobTitle ? { jobTitle: u.jobTitle } : {}),
  };
}

export function peopleRoutes(p: TabApiParts): TabRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/me',
      handle: async ({ user }) => ({
        status: 200,
        body: {
          user: {
            id: user.id,
            tenantId: user.tenantId,
            displayName: user.displayName,
            ...(user.userPrincipalName ? { userPrincipalName: user.userPrincipalName } : {}),
          },
          features: {
            calling: p.calling !== undefined,
            presenceUpdates: p.hub.presenceUpdates,
            queues: (p.queues?.boards.names().length ?? 0) > 0,
          },
        },
      }),
    },
    {
      method: 'GET',
      pattern: '/people',
      async handle({ req, user }) {
        const search = (req.query.get('search') ?? '').trim();
        if (!search) throw badRequest('search: give at least one character of a name.');
        const users = await needGraph(p.graph).users.searchUsers(
          search,
          { top: 20 },
          { tenantId: user.tenantId },
        );
        return { status: 200, body: { people: users.filter((u) => u.id).map(toPerson) } };
      },
    },
    {
      method: 'GET',
      pattern: '/presence',
      async handle({ req, user }) {
        const ids = idList(req.query.get('ids'), 100);
        if (ids.length === 0) return { status: 200, body: { presences: [] } };
        const list = await needGraph(p.graph).presence.getPresences(
          ids,
          { kind: 'user', userAssertion: user.assertion },
          { tenantId: user.tenantId },
        );
        return { status: 200, body: { presences: list.map(toTabPresence).filter(Boolean) } };
      },
    },
  ];
}

// The presence routes under /v1.0.
import type { HttpResponse, RequestContext, Route } from '../http';
import type { PresenceRouteDeps } from './handlers';
import { clearPresence, getMyPresence, getPresencesByUserId, getUserPresence, setPresence } from './handlers';

type Action = (deps: PresenceRouteDeps, ctx: RequestContext) => HttpResponse;

const TABLE: [string, string, Action][] = [
  ['GET', '/v1.0/me/presence', getMyPresence],
  ['GET', '/v1.0/users/:userId/presence', getUserPresence],
  ['GET', '/v1.0/communications/presences/:userId', getUserPresence],
  ['POST', '/v1.0/communications/getPresencesByUserId', getPresencesByUserId],
  ['POST', '/v1.0/users/:userId/presence/setPresence', setPresence],
  ['POST', '/v1.0/users/:userId/presence/clearPresence', clearPresence],
];

/** The presence routes (paths include the /v1.0 prefix). */
export function presenceRoutes(deps: PresenceRouteDeps): Route[] {
  return TABLE.map(([method, pattern, action]) => ({ method, pattern, handle: (ctx) => action(deps, ctx) }));
}

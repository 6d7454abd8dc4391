// The directory routes under /v1.0.
import type { HttpResponse, RequestContext, Route } from '../http';
import type { UserRouteDeps } from './users';
import { getMe, getUser, listUsers } from './users';

type Action = (deps: UserRouteDeps, ctx: RequestContext) => HttpResponse;

const TABLE: [string, string, Action][] = [
  ['GET', '/v1.0/users', listUsers],
  ['GET', '/v1.0/users/:userId', getUser],
  ['GET', '/v1.0/me', getMe],
];

/** The /users and /me routes (paths include the /v1.0 prefix). */
export function directoryRoutes(deps: UserRouteDeps): Route[] {
  return TABLE.map(([method, pattern, action]) => ({ method, pattern, handle: (ctx) => action(deps, ctx) }));
}

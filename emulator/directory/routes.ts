// The directory routes under /v1.0.
import type { HttpResponse, RequestContext, Route } from '../http';
import { getTeamMember, listGroupMembers, listTeamMembers } from './teams';
import type { UserRouteDeps } from './users';
import { getMe, getUser, listUsers } from './users';

type Action = (deps: UserRouteDeps, ctx: RequestContext) => HttpResponse;

const TABLE: [string, string, Action][] = [
  ['GET', '/v1.0/users', listUsers],
  ['GET', '/v1.0/users/:userId', getUser],
  ['GET', '/v1.0/me', getMe],
  ['GET', '/v1.0/teams/:teamId/members', listTeamMembers],
  ['GET', '/v1.0/teams/:teamId/members/:membershipId', getTeamMember],
  ['GET', '/v1.0/groups/:groupId/members', listGroupMembers],
];

/** The /users, /me, /teams/{id}/members and /groups/{id}/members routes (paths include /v1.0). */
export function directoryRoutes(deps: UserRouteDeps): Route[] {
  return TABLE.map(([method, pattern, action]) => ({ method, pattern, handle: (ctx) => action(deps, ctx) }));
}

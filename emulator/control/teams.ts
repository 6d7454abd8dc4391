// Control API for teams: every seeded team with its members, and replacing a team's members (the
// roster /teams/{id}/members and /groups/{id}/members answer with from then on; a reset restores it).
import type { HttpResponse, RequestContext } from '../http';
import { controlBody, controlError, controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

/** GET /emulator/teams: each team with its channels and members (with their display names). */
export function listTeams(deps: ControlDeps): HttpResponse {
  const { directory } = deps.svc.engine;
  const value = directory.current().teams.map((team) => ({
    ...team,
    members: team.members.map((m) => ({
      ...m,
      displayName: directory.person(m.userId)?.displayName ?? null,
    })),
  }));
  return ok({ value });
}

/** PUT /emulator/teams/{id}/members {"members":[{"userId","roles"?}]}: the team's new roster. */
export function putTeamMembers(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const { directory } = deps.svc.engine;
  const id = (ctx.params.teamId ?? '').toLowerCase();
  const team = directory.current().teams.find((t) => t.id.toLowerCase() === id);
  if (!team) throw controlNotFound(`No team '${ctx.params.teamId}' in the tenant.`);
  const raw = controlBody(ctx).members;
  if (!Array.isArray(raw)) throw controlError('"members" must be an array of {"userId","roles"?}.');
  const members = raw.map((m: unknown, i) => {
    const entry = (m ?? {}) as { userId?: unknown; roles?: unknown };
    const person = typeof entry.userId === 'string' ? directory.person(entry.userId) : undefined;
    if (!person) throw controlError(`members[${i}].userId names no person of the tenant.`);
    const roles = entry.roles ?? [];
    if (!Array.isArray(roles) || !roles.every((r) => r === 'owner' || r === 'guest'))
      throw controlError(`members[${i}].roles may hold only "owner" or "guest".`);
    return { userId: person.id, roles: roles as string[] };
  });
  team.members = members;
  return ok({ id: team.id, displayName: team.displayName, members });
}

// GET /teams/{id}/members (and one member), GET /groups/{id}/members: the seeded teams' rosters.
import { actorOf, requirePermission } from '../access';
import type { Needs } from '../access';
import { GraphError } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import type { FilterNode } from '../odata';
import { applySelect, matchesFilter, parseSelect, parseTop, queryOption } from '../odata';
import type { SeedTeam } from '../people';
import { userNotFound } from './lookup';
import { USER_ODATA_TYPE, conversationMemberJson, groupMemberJson } from './team-json';
import { userJson } from './user-json';
import { parseGraphFilter } from './user-filter';
import { requireTeamReader, resolveTeam } from './team-lookup';
import type { UserRouteDeps } from './users';

// TeamMember.Read.Group (resource-specific consent) is granted per team by its owners; the emulator
// has no such grants, so only tenant-wide permissions are accepted.
const TEAM_MEMBERS: Needs = {
  app: ['TeamMember.Read.All', 'TeamMember.ReadWrite.All'],
  delegated: ['TeamMember.Read.All', 'TeamMember.ReadWrite.All'],
};
// The same permissions admit an app and a signed-in user.
const GROUP_MEMBER_PERMISSIONS = [
  'GroupMember.Read.All',
  'Group.Read.All',
  'GroupMember.ReadWrite.All',
  'Group.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
const GROUP_MEMBERS: Needs = { app: GROUP_MEMBER_PERMISSIONS, delegated: GROUP_MEMBER_PERMISSIONS };
const MEMBER_TYPE = 'microsoft.graph.aadUserConversationMember';
const USER_TYPE = 'microsoft.graph.user';
const DEFAULT_PAGE = 100;

function memberFilter(raw: string | null): FilterNode | undefined {
  return raw === null ? undefined : parseGraphFilter(raw);
}

/** One page of `items` after $top and $skiptoken, with the nextLink Graph adds when more remain. */
function page(
  deps: UserRouteDeps,
  ctx: RequestContext,
  path: string,
  context: string,
  items: Record<string, unknown>[],
): HttpResponse {
  const top = parseTop(queryOption(ctx.query, '$top'), 999) ?? DEFAULT_PAGE;
  const skip = Math.max(0, Number(queryOption(ctx.query, '$skiptoken') ?? 0) || 0);
  const body: Record<string, unknown> = {
    '@odata.context': `${deps.publicBase()}/v1.0/$metadata#${context}`,
    value: items.slice(skip, skip + top),
  };
  if (skip + top < items.length) {
    const next = new URLSearchParams(ctx.query);
    next.set('$skiptoken', String(skip + top));
    body['@odata.nextLink'] = `${deps.publicBase()}/v1.0${path}?${next.toString()}`;
  }
  return { status: 200, body };
}

function teamMembers(
  deps: UserRouteDeps,
  ctx: RequestContext,
): { team: SeedTeam; members: Record<string, unknown>[] } {
  const actor = actorOf(ctx);
  requirePermission(actor, TEAM_MEMBERS, 'teams');
  const team = resolveTeam(deps.directory, ctx.params.teamId ?? '');
  requireTeamReader(actor, team);
  const tenantId = deps.directory.current().tenantId;
  const members = team.members.map((m) =>
    conversationMemberJson(tenantId, team, m, deps.directory.person(m.userId)),
  );
  return { team, members };
}

function selected(member: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  // Graph keeps the derived type's annotation whatever is selected.
  return select ? { '@odata.type': member['@odata.type'], ...applySelect(member, select) } : member;
}

/** GET /teams/{team-id}/members: $filter, $select and $top (100 by default, at most 999). */
export function listTeamMembers(deps: UserRouteDeps, ctx: RequestContext): HttpResponse {
  const { team, members } = teamMembers(deps, ctx);
  const select = parseSelect(queryOption(ctx.query, '$select'), deps.csdl, MEMBER_TYPE);
  const filter = memberFilter(queryOption(ctx.query, '$filter'));
  const matching = members.filter((m) => !filter || matchesFilter(filter, m)).map((m) => selected(m, select));
  return page(deps, ctx, `/teams/${team.id}/members`, `teams('${team.id}')/members`, matching);
}

/** GET /teams/{team-id}/members/{membership-id} */
export function getTeamMember(deps: UserRouteDeps, ctx: RequestContext): HttpResponse {
  const { team, members } = teamMembers(deps, ctx);
  const id = ctx.params.membershipId ?? '';
  const member = members.find((m) => m.id === id);
  if (!member) throw new GraphError(404, 'NotFound', `No member with id ${id} in team ${team.id}.`);
  const select = parseSelect(queryOption(ctx.query, '$select'), deps.csdl, MEMBER_TYPE);
  return {
    status: 200,
    body: {
      '@odata.context': `${deps.publicBase()}/v1.0/$metadata#teams('${team.id}')/members/$entity`,
      ...selected(member, select),
    },
  };
}

/** GET /groups/{id}/members: the team's group members as directory users. */
export function listGroupMembers(deps: UserRouteDeps, ctx: RequestContext): HttpResponse {
  requirePermission(actorOf(ctx), GROUP_MEMBERS, 'directory');
  const id = ctx.params.groupId ?? '';
  const team = deps.directory.current().teams.find((t) => t.id.toLowerCase() === id.toLowerCase());
  if (!team) throw userNotFound(id);
  const select = parseSelect(queryOption(ctx.query, '$select'), deps.csdl, USER_TYPE);
  const people = team.members.flatMap((m) => deps.directory.person(m.userId) ?? []);
  const value = people.map((p) =>
    select ? { '@odata.type': USER_ODATA_TYPE, ...applySelect(userJson(p), select) } : groupMemberJson(p),
  );
  return page(deps, ctx, `/groups/${team.id}/members`, 'directoryObjects', value);
}

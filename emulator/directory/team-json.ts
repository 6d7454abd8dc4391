// A seeded team's members as Graph returns them: `aadUserConversationMember` for /teams/{id}/members
// and directory `user` objects for /groups/{id}/members.
import type { Person, SeedTeam } from '../people';
import { defaultUserJson } from './user-json';

type Member = SeedTeam['members'][number];

/**
 * The membership id: opaque to clients, and like Teams' own it names the tenant, the team's thread and
 * the user, so the same person has a different id in each team.
 */
export function membershipId(tenantId: string, team: SeedTeam, userId: string): string {
  return Buffer.from(`0#${tenantId}##${team.internalId}##${userId}`, 'utf8').toString('base64');
}

/** One member as an aadUserConversationMember. */
export function conversationMemberJson(
  tenantId: string,
  team: SeedTeam,
  member: Member,
  person: Person | undefined,
): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    id: membershipId(tenantId, team, member.userId),
    roles: member.roles,
    displayName: person?.displayName ?? null,
    // Teams answers this for members who see the whole history.
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId: member.userId,
    email: person?.mail ?? person?.userPrincipalName ?? null,
    tenantId,
  };
}

export const USER_ODATA_TYPE = '#microsoft.graph.user';

/** One member as a directory object (a user with Graph's default properties). */
export function groupMemberJson(person: Person): Record<string, unknown> {
  return { '@odata.type': USER_ODATA_TYPE, ...defaultUserJson(person) };
}

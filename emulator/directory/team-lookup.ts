// Finding a seeded team by its group id, and who may read its members.
import type { Actor } from '../access';
import { GraphError } from '../http';
import type { Directory, SeedTeam } from '../people';

/** Teams' 404 for a group id that names no team. */
export function teamNotFound(id: string): GraphError {
  return new GraphError(404, 'NotFound', `No team found with Group Id ${id}`);
}

/** The team whose group id is `id` (case-insensitive); Teams' 404 otherwise. */
export function resolveTeam(directory: Directory, id: string): SeedTeam {
  const key = id.toLowerCase();
  const team = directory.current().teams.find((t) => t.id.toLowerCase() === key);
  if (!team) throw teamNotFound(id);
  return team;
}

/** True when the person is one of the team's members (owners included). */
export function isMember(team: SeedTeam, userId: string): boolean {
  const key = userId.toLowerCase();
  return team.members.some((m) => m.userId.toLowerCase() === key);
}

/**
 * A delegated caller reads a private team's members only as one of them; a public team's are open to
 * everyone in the tenant. An app token with the permission reads any team.
 */
export function requireTeamReader(actor: Actor, team: SeedTeam): void {
  if (actor.kind === 'app' || team.visibility === 'public' || isMember(team, actor.userId)) return;
  throw new GraphError(
    403,
    'Forbidden',
    `The signed-in user is not a member of team ${team.id} and may not read its members.`,
  );
}

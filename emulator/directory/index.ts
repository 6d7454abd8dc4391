// The directory: users by object id or user principal name, the /users and /me routes, and the seeded
// teams' members (/teams/{id}/members, /groups/{id}/members).
export { resolveUser, userNotFound } from './lookup';
export { directoryRoutes } from './routes';
export type { UserRouteDeps } from './users';
export { userJson, defaultUserJson, DEFAULT_USER_FIELDS } from './user-json';
export { conversationMemberJson, membershipId } from './team-json';
export { isMember, resolveTeam, teamNotFound } from './team-lookup';

// The directory's users: lookups by object id or user principal name, and the /users and /me routes.
export { resolveUser, userNotFound } from './lookup';
export { directoryRoutes } from './routes';
export type { UserRouteDeps } from './users';
export { userJson, defaultUserJson, DEFAULT_USER_FIELDS } from './user-json';

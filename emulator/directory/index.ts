// The directory's users: lookups by object id or user principal name, and the /users and /me routes.
export { resolveUser, userNotFound } from './lookup';

// Resolving the `{id}` of `/users/{id}/...` the way the directory does: an object id or a user
// principal name, and Graph's 404 when neither names a user of the tenant.
import { GraphError } from '../http';
import type { Directory, Person } from '../people';

/** The directory's 404 for a user that does not exist. */
export function userNotFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** The person named by an object id or user principal name; 404 otherwise. */
export function resolveUser(directory: Directory, idOrUpn: string): Person {
  const person = directory.person(idOrUpn);
  if (!person) throw userNotFound(idOrUpn);
  return person;
}

// Permission checks for the directory, presence, meeting, call-record and subscription resources: an
// app token needs one of the resource's application roles, a user token one of its delegated scopes.
// Each resource family words the refusal its own way (see `Denial`).
import { GraphError } from '../http';
import type { Actor } from './caller';

/** The permissions a request accepts, by token kind; an empty list means the kind is not supported. */
export interface Needs {
  app: readonly string[];
  delegated: readonly string[];
}

/** How a resource words a missing permission. */
export type Denial = 'directory' | 'teams' | 'subscription';

const held = (have: readonly string[], want: readonly string[]): boolean => {
  const set = new Set(have.map((p) => p.toLowerCase()));
  return want.some((p) => set.has(p.toLowerCase()));
};

/** The 403 a resource family answers when the token lacks every accepted permission. */
export function denied(denial: Denial, actor: Actor, needs: Needs): GraphError {
  if (denial === 'directory')
    return new GraphError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
  if (denial === 'subscription')
    return new GraphError(
      403,
      'ExtensionError',
      'Operation: Create; Exception: [Status Code: Forbidden; Reason: The request is not authorized for this user or application.]',
    );
  if (actor.kind === 'app') {
    if (needs.app.length === 0)
      return new GraphError(403, 'Forbidden', 'This API does not support application permissions.');
    return new GraphError(
      403,
      'Forbidden',
      `Missing role permissions on the request. API requires one of '${needs.app.join(', ')}'. Roles on the request '${actor.roles.join(', ')}'.`,
    );
  }
  if (needs.delegated.length === 0)
    return new GraphError(403, 'Forbidden', 'This API does not support delegated permissions.');
  return new GraphError(
    403,
    'Forbidden',
    `Missing scope permissions on the request. API requires one of '${needs.delegated.join(', ')}'. Scopes on the request '${actor.scopes.join(', ')}'.`,
  );
}

/** Throws the resource's 403 unless the actor holds one of the permissions its token kind needs. */
export function requirePermission(actor: Actor, needs: Needs, denial: Denial): void {
  const ok = actor.kind === 'app' ? held(actor.roles, needs.app) : held(actor.scopes, needs.delegated);
  if (!ok) throw denied(denial, actor, needs);
}

// Application-permission checks on Graph callers (the token's `roles`), worded as the calling
// service words them.
import { GraphError, callingForbidden } from './errors';
import type { Caller, RequestContext } from './types';

/** The verified caller of a Graph request (set by the server before routing). */
export function callerOf(ctx: RequestContext): Caller {
  if (!ctx.caller) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  return ctx.caller;
}

/** Calling APIs accept application tokens only. */
export function requireAppToken(caller: Caller): void {
  const delegated = caller.idtyp === 'user' || (caller.idtyp === undefined && caller.scp !== undefined);
  if (delegated) {
    throw new GraphError(
      403,
      'Forbidden',
      'This API supports application permissions only; request a token with the client credentials flow.',
    );
  }
}

/** True when the caller holds at least one of the roles (case-insensitive). */
export function hasAnyRole(caller: Caller, roles: readonly string[]): boolean {
  const held = new Set(caller.roles.map((r) => r.toLowerCase()));
  return roles.some((r) => held.has(r.toLowerCase()));
}

/** Throws the calling service's 403 (7504) unless the caller holds one of the roles. */
export function requireAnyRole(caller: Caller, roles: readonly string[]): void {
  if (!hasAnyRole(caller, roles)) throw callingForbidden();
}

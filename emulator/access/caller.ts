// Who is calling a Graph resource: an app with roles (client credentials) or a signed-in user with
// delegated scopes (an on-behalf-of token), and which user a `/me` or `/users/{id}` path stands for.
import { GraphError, callerOf } from '../http';
import type { Caller, RequestContext } from '../http';

/** The caller of a request, reduced to what permission checks need. */
export type Actor =
  | { kind: 'app'; appId: string; roles: string[] }
  | { kind: 'user'; appId: string; userId: string; scopes: string[] };

/** True for a delegated (user) token. */
export function isDelegated(caller: Caller): boolean {
  return caller.idtyp === 'user' || (caller.idtyp === undefined && caller.scp !== undefined);
}

/** The request's actor; a delegated token without `oid` is refused as Graph refuses it. */
export function actorOf(ctx: RequestContext): Actor {
  const caller = callerOf(ctx);
  if (!isDelegated(caller)) return { kind: 'app', appId: caller.appid, roles: caller.roles };
  if (!caller.oid)
    throw new GraphError(
      401,
      'InvalidAuthenticationToken',
      "Access token validation failure. Missing claim 'oid'.",
    );
  const scopes = (caller.scp ?? '').split(' ').filter((s) => s !== '');
  return { kind: 'user', appId: caller.appid, userId: caller.oid, scopes };
}

/** `/me/...` needs a signed-in user; an app token gets Graph's 400. */
export function meOf(ctx: RequestContext): Extract<Actor, { kind: 'user' }> {
  const actor = actorOf(ctx);
  if (actor.kind !== 'user')
    throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  return actor;
}

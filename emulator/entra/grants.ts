import {
  ACCESS_TOKEN_LIFETIME_SEC,
  appGraphClaims,
  delegatedGraphClaims,
  stableGuid,
  stsIssuer,
  v2Issuer,
} from './claims';
import { EntraError, failures } from './entra-error';
import type { KeySet } from './key-set';
import type { JwtVerifier } from './jwt';
import { JwtCheckFailed, signJwt } from './jwt';
import { checkClientCredentialsScope, grantDelegatedScopes } from './scopes';
import type { AuthenticatedRequest } from './token-request';
import type { EntraTenant } from './types';
import { GRAPH_RESOURCE } from './types';

export interface GrantContext {
  publicBase: string;
  tenant: EntraTenant;
  nowMs: number;
  keys: KeySet;
  verify: JwtVerifier;
}

/** client_credentials → an app-only Graph token carrying the app's Graph roles. */
export async function clientCredentialsGrant(
  req: AuthenticatedRequest,
  ctx: GrantContext,
): Promise<Record<string, unknown>> {
  checkClientCredentialsScope(req.params.get('scope') ?? '', ctx.tenant.tenantId);
  const claims = appGraphClaims(ctx.tenant.tenantId, req.app, Math.floor(ctx.nowMs / 1000));
  return {
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_LIFETIME_SEC,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SEC,
    access_token: await signJwt(ctx.keys.current(), claims),
  };
}

/** Checks the user's token the middle tier presents: ours, current, and addressed to this app. */
async function verifyAssertion(
  assertion: string,
  req: AuthenticatedRequest,
  ctx: GrantContext,
): Promise<Record<string, unknown>> {
  let payload: Record<string, unknown>;
  try {
    payload = await ctx.verify(assertion, { nowMs: ctx.nowMs });
  } catch (err) {
    if (!(err instanceof JwtCheckFailed)) throw err;
    if (err.reason === 'expired' || err.reason === 'not_yet_valid')
      throw new EntraError(failures.assertionExpired());
    throw new EntraError(failures.assertionSignature());
  }
  const tid = ctx.tenant.tenantId;
  if (payload['iss'] !== stsIssuer(tid) && payload['iss'] !== v2Issuer(ctx.publicBase, tid)) {
    throw new EntraError(failures.assertionSignature());
  }
  const aud = typeof payload['aud'] === 'string' ? payload['aud'] : '';
  if (aud !== req.app.identifierUri && aud.toLowerCase() !== req.app.appId.toLowerCase()) {
    throw new EntraError(failures.assertionAudience(aud, req.app));
  }
  return payload;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A v2 id token for the middle tier itself, as Entra adds when "openid" is requested. */
async function idTokenFor(
  payload: Record<string, unknown>,
  req: AuthenticatedRequest,
  ctx: GrantContext,
): Promise<string> {
  const nowSec = Math.floor(ctx.nowMs / 1000);
  const tid = ctx.tenant.tenantId;
  return signJwt(ctx.keys.current(), {
    aud: req.app.appId,
    iss: v2Issuer(ctx.publicBase, tid),
    iat: nowSec - 300,
    nbf: nowSec - 300,
    exp: nowSec + ACCESS_TOKEN_LIFETIME_SEC,
    name: text(payload['name']),
    oid: text(payload['oid']),
    preferred_username: text(payload['preferred_username']) || text(payload['upn']),
    sub: stableGuid('id-token-sub', text(payload['oid']), req.app.appId),
    tid,
    ver: '2.0',
  });
}

/** jwt-bearer with requested_token_use=on_behalf_of → a delegated Graph token for the assertion's user. */
export async function onBehalfOfGrant(
  req: AuthenticatedRequest,
  ctx: GrantContext,
): Promise<Record<string, unknown>> {
  if (req.params.get('requested_token_use') !== 'on_behalf_of') {
    throw new EntraError(failures.missingParameter('requested_token_use'));
  }
  const assertion = req.params.get('assertion');
  if (!assertion) throw new EntraError(failures.missingParameter('assertion'));
  const payload = await verifyAssertion(assertion, req, ctx);
  const tid = ctx.tenant.tenantId;
  const { granted, oidc } = grantDelegatedScopes(req.params.get('scope') ?? '', req.app, tid);
  const user = {
    oid: text(payload['oid']),
    name: text(payload['name']),
    upn: text(payload['upn']) || text(payload['preferred_username']),
  };
  const claims = delegatedGraphClaims(tid, req.app, user, granted, Math.floor(ctx.nowMs / 1000));
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: granted.map((p) => `${GRAPH_RESOURCE}/${p}`).join(' '),
    expires_in: ACCESS_TOKEN_LIFETIME_SEC,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SEC,
    access_token: await signJwt(ctx.keys.current(), claims),
  };
  if (oidc.includes('openid')) {
    body['id_token'] = await idTokenFor(payload, req, ctx);
    if (req.params.get('client_info') === '1') {
      body['client_info'] = Buffer.from(JSON.stringify({ uid: user.oid, utid: tid })).toString('base64url');
    }
  }
  return body;
}

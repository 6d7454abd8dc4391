import path from 'node:path';
import { callingOpenIdConfiguration, createNotificationTokens } from './calling-keys';
import { userApiClaims } from './claims';
import { instanceDiscovery, keysIssuer, openIdConfiguration } from './discovery';
import type { ResponseContext } from './entra-error';
import { EntraError, errorResponse, failures, jsonResponse, newContext } from './entra-error';
import { clientCredentialsGrant, onBehalfOfGrant } from './grants';
import { makeVerifier, signJwt } from './jwt';
import { openKeySet } from './key-set';
import { GRANT_CLIENT_CREDENTIALS, authenticateTokenRequest, resolveTenant } from './token-request';
import type { Entra, EntraOptions, EntraRequest, EntraResponse, UserTokenOptions } from './types';
import { verifyGraphToken } from './verify-graph-token';

const DEFAULT_USER_TOKEN_LIFETIME_SEC = 3600;

type Route = (req: EntraRequest, segment: string, ctx: ResponseContext) => Promise<EntraResponse>;

/** Creates the Entra ID emulation: signing keys from dataDir, documents and the token endpoint. */
export async function createEntra(opts: EntraOptions): Promise<Entra> {
  const publicBase = opts.publicBase.replace(/\/+$/, '');
  const entraKeys = await openKeySet(
    path.join(opts.dataDir, 'entra-signing-keys.json'),
    'Switchboard Emulator Entra signing',
  );
  const callingKeys = await openKeySet(
    path.join(opts.dataDir, 'calling-signing-keys.json'),
    'Switchboard Emulator calling signing',
  );
  const verifyEntra = makeVerifier(entraKeys);
  const notificationToken = createNotificationTokens(callingKeys, opts.now);

  const unknownTenant = (segment: string, ctx: ResponseContext): EntraResponse =>
    errorResponse({ ...failures.tenantNotFound(segment), error: 'invalid_tenant' }, ctx);

  const tenantRoutes: Record<string, { method: string; run: Route }> = {
    'v2.0/.well-known/openid-configuration': {
      method: 'GET',
      run: async (_req, segment, ctx) =>
        resolveTenant(segment, opts.tenant())
          ? jsonResponse(200, openIdConfiguration(publicBase, segment), ctx)
          : unknownTenant(segment, ctx),
    },
    'discovery/v2.0/keys': {
      method: 'GET',
      run: async (_req, segment, ctx) =>
        resolveTenant(segment, opts.tenant())
          ? jsonResponse(200, entraKeys.jwks({ issuer: keysIssuer(publicBase, segment) }), ctx)
          : unknownTenant(segment, ctx),
    },
    'discovery/instance': {
      method: 'GET',
      run: async (req, _segment, ctx) => jsonResponse(200, instanceDiscovery(publicBase, req.query), ctx),
    },
    'oauth2/v2.0/token': {
      method: 'POST',
      run: async (req, segment, ctx) => {
        const tenant = opts.tenant();
        try {
          const authed = authenticateTokenRequest(segment, tenant, req.body, req.headers);
          const grantCtx = { publicBase, tenant, nowMs: ctx.now, keys: entraKeys, verify: verifyEntra };
          const body =
            authed.grantType === GRANT_CLIENT_CREDENTIALS
              ? await clientCredentialsGrant(authed, grantCtx)
              : await onBehalfOfGrant(authed, grantCtx);
          return jsonResponse(200, body, ctx);
        } catch (err) {
          if (err instanceof EntraError) return errorResponse(err.failure, ctx);
          throw err;
        }
      },
    },
  };

  const callingRoutes: Record<string, Route> = {
    '/calling/v1/.well-known/openidconfiguration': async (_req, _s, ctx) =>
      jsonResponse(200, callingOpenIdConfiguration(publicBase), ctx),
    '/calling/v1/keys': async (_req, _s, ctx) => jsonResponse(200, callingKeys.jwks(), ctx),
  };

  const methodNotAllowed = (allow: string, ctx: ResponseContext): EntraResponse => {
    const res = jsonResponse(405, { error: 'invalid_request', error_description: `Use ${allow}.` }, ctx);
    return { ...res, headers: { ...res.headers, allow } };
  };

  return {
    async handle(req) {
      const ctx = newContext(req.headers, opts.now());
      const calling = callingRoutes[req.path.toLowerCase()];
      if (calling) return req.method === 'GET' ? calling(req, '', ctx) : methodNotAllowed('GET', ctx);
      const match = /^\/([^/]+)\/(.+?)\/?$/.exec(req.path);
      if (!match) return undefined;
      const segment = decodeURIComponent(match[1] as string);
      const rest = match[2] as string;
      // Instance discovery lives under /common only.
      if (rest === 'discovery/instance' && segment !== 'common') return undefined;
      const route = tenantRoutes[rest];
      if (!route) return undefined;
      if (req.method !== route.method) return methodNotAllowed(route.method, ctx);
      return route.run(req, segment, ctx);
    },

    verifyGraphToken: (authorization) =>
      verifyGraphToken(authorization, { tenant: opts.tenant(), nowMs: opts.now(), verify: verifyEntra }),

    async mintUserToken(personId, o: UserTokenOptions = {}) {
      const tenant = opts.tenant();
      const person = tenant.people.find((p) => p.id === personId);
      if (!person) throw new Error(`no person ${personId} in the tenant`);
      const app = o.appId ? tenant.apps.find((a) => a.appId === o.appId) : tenant.apps[0];
      if (!app)
        throw new Error(o.appId ? `no app ${o.appId} in the tenant` : 'the tenant has no app registration');
      const claims = userApiClaims({
        publicBase,
        tenantId: tenant.tenantId,
        person,
        audience: o.audience ?? app.identifierUri,
        clientId: o.clientId ?? app.appId,
        scopes: o.scopes ?? ['access_as_user'],
        lifetimeSec: o.lifetimeSec ?? DEFAULT_USER_TOKEN_LIFETIME_SEC,
        version: o.version ?? 2,
        nowSec: Math.floor(opts.now() / 1000),
      });
      return signJwt(entraKeys.current(), claims);
    },

    signCallingNotification: (claims) => notificationToken(claims),

    async rotateCallingKey() {
      return (await callingKeys.rotate()).kid;
    },
  };
}

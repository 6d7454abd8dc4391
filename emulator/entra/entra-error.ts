import { randomUUID } from 'node:crypto';
import type { EntraResponse } from './types';

/** One Entra failure: OAuth error string, AADSTS number, HTTP status and message. */
export interface EntraFailure {
  status: 400 | 401;
  error: string;
  code: number;
  message: string;
  suberror?: string;
}

/** Context every Entra answer carries: the trace id, the caller's correlation id and the time. */
export interface ResponseContext {
  traceId: string;
  correlationId: string;
  now: number;
}

export function newContext(
  headers: Record<string, string | string[] | undefined>,
  now: number,
): ResponseContext {
  const given = headers['client-request-id'];
  const correlationId = typeof given === 'string' && given !== '' ? given : randomUUID();
  return { traceId: randomUUID(), correlationId, now };
}

/** Entra's timestamp style: "2023-05-06 06:03:00Z". */
export function entraTimestamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

export function jsonResponse(status: number, body: unknown, ctx: ResponseContext): EntraResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store, no-cache',
      pragma: 'no-cache',
      'x-ms-request-id': ctx.traceId,
      'client-request-id': ctx.correlationId,
    },
    body: JSON.stringify(body),
  };
}

/** The error body Entra's token endpoint returns, with its status. */
export function errorResponse(failure: EntraFailure, ctx: ResponseContext): EntraResponse {
  const timestamp = entraTimestamp(ctx.now);
  const description =
    `AADSTS${failure.code}: ${failure.message}\r\n` +
    `Trace ID: ${ctx.traceId}\r\nCorrelation ID: ${ctx.correlationId}\r\nTimestamp: ${timestamp}`;
  return jsonResponse(
    failure.status,
    {
      error: failure.error,
      error_description: description,
      error_codes: [failure.code],
      timestamp,
      trace_id: ctx.traceId,
      correlation_id: ctx.correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${failure.code}`,
      ...(failure.suberror ? { suberror: failure.suberror } : {}),
    },
    ctx,
  );
}

/** Thrown inside the token flows and turned into an Entra error body at the edge. */
export class EntraError extends Error {
  constructor(readonly failure: EntraFailure) {
    super(`AADSTS${failure.code}: ${failure.message}`);
  }
}

// The failures the emulator produces. Numbers, error strings and statuses follow what Entra returns.
export const failures = {
  missingParameter: (name: string): EntraFailure => ({
    status: 400,
    error: 'invalid_request',
    code: 900144,
    message: `The request body must contain the following parameter: '${name}'.`,
  }),
  tenantNotFound: (tenant: string): EntraFailure => ({
    status: 400,
    error: 'invalid_request',
    code: 90002,
    message: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  }),
  unsupportedGrant: (grant: string): EntraFailure => ({
    status: 400,
    error: 'unsupported_grant_type',
    code: 70003,
    message: `The app requested an unsupported grant type '${grant}'.`,
  }),
  unknownClient: (clientId: string, tenantId: string): EntraFailure => ({
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    message:
      `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. ` +
      'This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. ' +
      'You may have sent your authentication request to the wrong tenant.',
  }),
  missingCredential: (): EntraFailure => ({
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  wrongSecret: (clientId: string): EntraFailure => ({
    status: 401,
    error: 'invalid_client',
    code: 7000215,
    message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
  }),
  noCertificate: (clientId: string): EntraFailure => ({
    status: 401,
    error: 'invalid_client',
    code: 700027,
    message: `Client assertion failed signature validation. No certificate is registered for app '${clientId}'.`,
  }),
  notDefaultScope: (scope: string): EntraFailure => ({
    status: 400,
    error: 'invalid_scope',
    code: 1002012,
    message: `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  }),
  unknownResource: (resource: string, tenantId: string): EntraFailure => ({
    status: 400,
    error: 'invalid_resource',
    code: 500011,
    message: `The resource principal named ${resource} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  }),
  consentRequired: (app: { appId: string; displayName: string }): EntraFailure => ({
    status: 400,
    error: 'invalid_grant',
    code: 65001,
    suberror: 'consent_required',
    message: `The user or administrator has not consented to use the application with ID '${app.appId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`,
  }),
  assertionSignature: (): EntraFailure => ({
    status: 400,
    error: 'invalid_grant',
    code: 50013,
    message: 'Assertion failed signature validation. [Reason - The key was not found.]',
  }),
  assertionExpired: (): EntraFailure => ({
    status: 400,
    error: 'invalid_grant',
    code: 500133,
    message:
      'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
  }),
  assertionAudience: (
    aud: string,
    app: { appId: string; identifierUri: string; displayName: string },
  ): EntraFailure => ({
    status: 400,
    error: 'invalid_grant',
    code: 500131,
    message:
      `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${aud}' and the expected audience is '${app.identifierUri}' ` +
      `or one of the Application Uris of this application with App ID '${app.appId}'(${app.displayName}). ` +
      'The downstream client must request a token for the expected audience (the application that made the OBO request) and this application should use that token as the assertion.',
  }),
} as const;

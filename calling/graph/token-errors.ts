// Turns msal-node failures into CallingErrors that say what to fix. The AADSTS codes named here are the
// ones Entra ID returns for the usual set-up mistakes of a confidential client.
import { CallingError } from '../errors';

/** What was being attempted when the token request failed. */
export interface TokenFailureContext {
  readonly flow: 'client_credentials' | 'on_behalf_of';
  readonly tenantId: string;
  readonly clientId: string;
  readonly authorityHost: string;
}

const HINTS: ReadonlyArray<{ code: string; hint: (c: TokenFailureContext) => string }> = [
  {
    code: 'AADSTS7000215',
    hint: (c) =>
      `MicrosoftAppPassword is not a valid client secret of app ${c.clientId}; use the secret's Value (not its ID).`,
  },
  {
    code: 'AADSTS7000222',
    hint: (c) =>
      `The client secret of app ${c.clientId} has expired; create a new one and update MicrosoftAppPassword.`,
  },
  {
    code: 'AADSTS700016',
    hint: (c) =>
      `App ${c.clientId} is not known in tenant ${c.tenantId}. An admin of that tenant must consent to it: ` +
      `${c.authorityHost}/${c.tenantId}/adminconsent?client_id=${c.clientId}`,
  },
  { code: 'AADSTS90002', hint: (c) => `Tenant ${c.tenantId} does not exist; check MicrosoftAppTenantId.` },
  {
    code: 'AADSTS65001',
    hint: (c) =>
      `The user (or an admin of tenant ${c.tenantId}) has not consented to the delegated Graph permissions of app ${c.clientId}; ` +
      'grant consent in Entra ID > App registrations > API permissions.',
  },
  {
    code: 'AADSTS500133',
    hint: () => "The user's token has expired; the tab must get a fresh one (sign in again) before calling.",
  },
  {
    code: 'AADSTS50013',
    hint: () =>
      "The user's token is not valid for this app (wrong audience or signature); the tab must request a token for this app's API.",
  },
];

/** A CallingError('graph_auth_failed') for an msal failure, with the fix when the AADSTS code is known. */
export function tokenFailure(err: unknown, ctx: TokenFailureContext): CallingError {
  if (err instanceof CallingError) return err;
  const text = describe(err);
  const known = HINTS.find((h) => text.includes(h.code));
  const what = ctx.flow === 'client_credentials' ? 'an app token' : 'an on-behalf-of token';
  const fix = known
    ? known.hint(ctx)
    : 'Check MicrosoftAppId, MicrosoftAppPassword, the tenant id, ENTRA_AUTHORITY_HOST and, for a private CA, EXTRA_CA_FILE.';
  return new CallingError(
    'graph_auth_failed',
    `Could not get ${what} for tenant ${ctx.tenantId}: ${firstLine(text)}. ${fix}`,
    {
      graphCode: known?.code ?? errorCodeOf(err),
      details: { flow: ctx.flow, tenantId: ctx.tenantId },
      cause: err,
    },
  );
}

function describe(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { errorCode?: unknown; errorMessage?: unknown; message?: unknown };
    const parts = [e.errorCode, e.errorMessage ?? e.message].filter(
      (p): p is string => typeof p === 'string' && p !== '',
    );
    if (parts.length > 0) return parts.join(': ');
  }
  return String(err);
}

function errorCodeOf(err: unknown): string | undefined {
  const code = (err as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

// Entra's messages carry trace and correlation ids on later lines; the first line says what happened.
function firstLine(text: string): string {
  return (text.split(/\r?\n/)[0] ?? text).trim().replace(/\.$/, '');
}

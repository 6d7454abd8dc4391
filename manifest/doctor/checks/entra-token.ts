// Check 2: the app gets a Graph token from Entra ID with its own id and secret (client credentials),
// and the token's `roles` are kept for the permission check. Entra's AADSTS codes become fixes.
import { describeNetworkError } from '../http';
import type { DoctorCheck, Finding } from '../types';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

// The AADSTS codes a misconfigured calling bot meets most, and what to change.
const AADSTS_FIXES: Record<number, string> = {
  7000215:
    'MicrosoftAppPassword is wrong. In Entra ID → App registrations → your app → Certificates & secrets, create a new client secret and copy its Value (not its Secret ID).',
  7000222:
    'The client secret has expired. Create a new one under Certificates & secrets and update MicrosoftAppPassword.',
  700016:
    "Entra ID does not know MicrosoftAppId in tenant MicrosoftAppTenantId. Check both against the app registration's Overview page (Application (client) ID, Directory (tenant) ID).",
  90002:
    "MicrosoftAppTenantId names no tenant. Use the Directory (tenant) ID from the app registration's Overview page.",
  900023:
    "MicrosoftAppTenantId is not a valid tenant id. Use the Directory (tenant) ID from the app registration's Overview page.",
  7000218: 'Entra ID expects a client secret: set MicrosoftAppPassword.',
  700027: 'Entra ID rejected the client assertion. Use a client secret (MicrosoftAppPassword).',
};

/** The claims of a JWT, without verifying it (the doctor only reads what Entra granted). */
export function decodeJwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('the access token is not a JWT');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export const entraTokenCheck: DoctorCheck = {
  id: 'entra-token',
  title: 'App token from Entra ID',
  needsTeams: 'it asks Entra ID for a token with your app registration',
  async run(ctx): Promise<Finding> {
    const c = ctx.config;
    if (!c?.MicrosoftAppId || !c.MicrosoftAppPassword || !c.MicrosoftAppTenantId)
      return { status: 'skip', summary: 'skipped: needs a valid configuration (see above)' };
    const url = `${c.ENTRA_AUTHORITY_HOST.replace(/\/+$/, '')}/${c.MicrosoftAppTenantId}/oauth2/v2.0/token`;
    const form = new URLSearchParams({
      client_id: c.MicrosoftAppId,
      client_secret: c.MicrosoftAppPassword,
      grant_type: 'client_credentials',
      scope: GRAPH_SCOPE,
    });
    let answer;
    try {
      answer = await ctx.http(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
    } catch (err) {
      const { what, hint } = describeNetworkError(err);
      return {
        status: 'fail',
        summary: `could not reach Entra ID at ${url}: ${what}`,
        fix:
          hint ?? 'Check ENTRA_AUTHORITY_HOST (default https://login.microsoftonline.com) and the network.',
      };
    }
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(answer.text) as Record<string, unknown>;
    } catch {
      body = {};
    }
    if (answer.status !== 200 || typeof body.access_token !== 'string') {
      const codes = Array.isArray(body.error_codes) ? body.error_codes.map(Number) : [];
      const described = String(body.error_description ?? answer.text.slice(0, 200)).split(/\r?\n/)[0];
      const fix = codes.map((n) => AADSTS_FIXES[n]).find(Boolean);
      return {
        status: 'fail',
        summary: `Entra ID refused the token request (${answer.status}): ${described}`,
        fix:
          fix ??
          'Check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId against the app registration.',
      };
    }
    const claims = decodeJwtClaims(body.access_token);
    const roles = Array.isArray(claims.roles)
      ? claims.roles.filter((r): r is string => typeof r === 'string')
      : [];
    ctx.token = { accessToken: body.access_token, roles };
    return {
      status: 'ok',
      summary: `got an app token for tenant ${String(claims.tid ?? c.MicrosoftAppTenantId)} with ${roles.length} Graph roles`,
    };
  },
};

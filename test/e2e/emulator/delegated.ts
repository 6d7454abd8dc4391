// Delegated (signed-in user) Graph tokens for the emulator's e2e tests. The emulator process hands out
// app tokens only; a user's token for the app's API is minted here with the emulator's own Entra keys
// (kept in its data folder, beside ca.pem) and exchanged on behalf of the user at the running
// emulator's token endpoint, as the app's middle tier would.
import path from 'node:path';
import { createEntra } from '../../../emulator/entra';
import type { EntraTenant } from '../../../emulator/entra';
import type { RunningEmulator } from '../../helpers/emulator';
import { request } from '../../helpers/graph-test-client';
import type { Wire } from '../../helpers/graph-test-client';

/** A delegated Graph token for the person, carrying the given Graph scopes (they must be consented). */
export async function delegatedToken(
  emu: RunningEmulator,
  personId: string,
  scopes: string[],
): Promise<string> {
  const tenant = (await emu.control('GET', '/emulator/tenant')).body;
  const entraTenant: EntraTenant = {
    tenantId: tenant.tenantId,
    apps: tenant.apps.map((a: Wire) => ({
      ...a,
      identifierUri: a.identifierUri ?? `api://${a.appId}`,
      delegatedConsent: a.delegatedConsent ?? [],
    })),
    people: tenant.people,
  };
  const entra = await createEntra({
    publicBase: emu.url,
    dataDir: path.dirname(emu.caPath),
    tenant: () => entraTenant,
    now: Date.now,
  });
  const assertion = await entra.mintUserToken(personId);
  const form = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    client_id: emu.appId,
    client_secret: emu.appSecret,
    assertion,
    requested_token_use: 'on_behalf_of',
    scope: scopes.map((s) => `https://graph.microsoft.com/${s}`).join(' '),
  }).toString();
  const res = await request(`${emu.url}/${emu.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    ca: emu.ca,
  });
  if (res.status !== 200) throw new Error(`on-behalf-of failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token as string;
}

/** A Graph request with a given bearer token; `path` is relative to /v1.0. */
export function graphAs(emu: RunningEmulator, token: string, method: string, p: string, body?: unknown) {
  return request(`${emu.url}/v1.0${p}`, {
    method,
    body,
    ca: emu.ca,
    headers: { authorization: `Bearer ${token}` },
  });
}

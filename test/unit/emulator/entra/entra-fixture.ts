// Shared set-up for the Entra emulation tests: the seeded tenant, a movable clock, a temp data dir.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Entra, EntraResponse, EntraTenant } from '../../../../emulator/entra';
import { createEntra } from '../../../../emulator/entra';
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };

export const PUBLIC_BASE = 'https://localhost:3979';
const SEED = path.join(__dirname, '../../../../emulator/seed/tenant.json');

export type Jose = typeof JoseModule;
export const loadJose = (): Promise<Jose> => import('jose');

export interface Fixture {
  entra: Entra;
  tenant: EntraTenant;
  dir: string;
  clock: { ms: number };
  app: EntraTenant['apps'][number];
  person: EntraTenant['people'][number];
  close(): Promise<void>;
}

/** Opens an Entra emulation over a copy of the seeded tenant; pass `dir` to reopen existing keys. */
export async function openFixture(dir?: string): Promise<Fixture> {
  const dataDir = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'sb-entra-')));
  const tenant = JSON.parse(await readFile(SEED, 'utf8')) as EntraTenant;
  const clock = { ms: Date.parse('2026-03-02T09:00:00Z') };
  const entra = await createEntra({
    publicBase: PUBLIC_BASE,
    dataDir,
    tenant: () => tenant,
    now: () => clock.ms,
  });
  const app = tenant.apps[0];
  const person = tenant.people[0];
  if (!app || !person) throw new Error('seed has no app or person');
  return {
    entra,
    tenant,
    dir: dataDir,
    clock,
    app,
    person,
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** Parses a JSON response body. */
export function json(res: EntraResponse | undefined): Record<string, unknown> {
  if (!res) throw new Error('path not handled');
  return JSON.parse(res.body) as Record<string, unknown>;
}

/** POSTs a form to the token endpoint of a tenant segment. */
export async function postToken(
  f: Fixture,
  form: Record<string, string>,
  opts: { segment?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await f.entra.handle({
    method: 'POST',
    path: `/${opts.segment ?? f.tenant.tenantId}/oauth2/v2.0/token`,
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res?.status ?? 0, body: json(res) };
}

export async function get(f: Fixture, pathAndQuery: string): Promise<EntraResponse | undefined> {
  const url = new URL(pathAndQuery, PUBLIC_BASE);
  return f.entra.handle({
    method: 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: {},
    body: '',
  });
}

/** Form for an app-only Graph token with the seeded app's secret. */
export function clientCredentials(f: Fixture): Record<string, string> {
  return {
    grant_type: 'client_credentials',
    client_id: f.app.appId,
    client_secret: f.app.secrets[0] ?? '',
    scope: 'https://graph.microsoft.com/.default',
  };
}

/** Form for an on-behalf-of exchange of a user token. */
export function onBehalfOf(f: Fixture, assertion: string, scope: string): Record<string, string> {
  return {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    requested_token_use: 'on_behalf_of',
    client_id: f.app.appId,
    client_secret: f.app.secrets[0] ?? '',
    assertion,
    scope,
  };
}

/** The error fields Entra answers with, checked for shape and consistency. */
export function assertEntraError(
  res: { status: number; body: Record<string, unknown> },
  expected: { status: number; error: string; code: number; suberror?: string },
): void {
  const b = res.body;
  const where = JSON.stringify(b);
  if (res.status !== expected.status)
    throw new Error(`status ${res.status}, wanted ${expected.status}: ${where}`);
  if (b['error'] !== expected.error) throw new Error(`error ${String(b['error'])}, wanted ${expected.error}`);
  if (JSON.stringify(b['error_codes']) !== JSON.stringify([expected.code]))
    throw new Error(`error_codes ${where}`);
  const desc = String(b['error_description']);
  if (!desc.startsWith(`AADSTS${expected.code}: `)) throw new Error(`description ${desc}`);
  const ts = String(b['timestamp']);
  if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/.test(ts)) throw new Error(`timestamp ${ts}`);
  for (const [label, key] of [
    ['Trace ID', 'trace_id'],
    ['Correlation ID', 'correlation_id'],
  ] as const) {
    if (!/^[0-9a-f-]{36}$/.test(String(b[key]))) throw new Error(`${key} ${String(b[key])}`);
    if (!desc.includes(`\r\n${label}: ${String(b[key])}`)) throw new Error(`description lacks ${label}`);
  }
  if (!desc.endsWith(`\r\nTimestamp: ${ts}`)) throw new Error('description lacks the timestamp');
  if (b['error_uri'] !== `https://login.microsoftonline.com/error?code=${expected.code}`)
    throw new Error('error_uri');
  if (b['suberror'] !== expected.suberror)
    throw new Error(`suberror ${String(b['suberror'])}, wanted ${String(expected.suberror)}`);
}

/** Decodes a JWT's header and payload without checking it. */
export function decode(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [h, p] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h ?? '', 'base64url').toString('utf8')) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(p ?? '', 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}

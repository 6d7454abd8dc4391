// Starts the emulator as its own process for a test (EMULATOR_PORT=0, a temp data folder) and stops it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawnTs } from './process';
import type { Wire } from './graph-test-client';

/** A person of the seeded tenant, as GET /emulator/tenant returns them. */
export interface EmulatedPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
  phone?: string;
  script: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ControlResponse<T = Wire> {
  status: number;
  body: T;
}

export interface RunningEmulator {
  /** https://localhost:<port> */
  url: string;
  /** http://127.0.0.1:<port> (same port, plain HTTP) */
  httpUrl: string;
  caPath: string;
  /** The emulator CA certificate (PEM), to trust its https endpoints. */
  ca: string;
  tenantId: string;
  appId: string;
  appSecret: string;
  people: EmulatedPerson[];
  /** The tenant as the control API reports it. */
  tenant: Wire;
  /** Calls the control API (/emulator/...) over plain HTTP. */
  control<T = Wire>(method: string, path: string, body?: unknown): Promise<ControlResponse<T>>;
  /** The emulator's stderr so far (for failure messages). */
  stderr(): string[];
  stop(): Promise<void>;
}

/** Sends a JSON request over plain HTTP; the answer's body is parsed when it is JSON. */
export function httpJson<T = Wire>(
  base: string,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<ControlResponse<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(pathname, base),
      {
        method,
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Spawns `node --import tsx emulator/main.ts` and waits for its ready line. */
export async function startEmulator(
  opts: { env?: Record<string, string>; seed?: object; timeoutMs?: number } = {},
): Promise<RunningEmulator> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-emulator-'));
  const env: Record<string, string> = {
    EMULATOR_PORT: '0',
    EMULATOR_HOST: '127.0.0.1',
    EMULATOR_DATA_DIR: dataDir,
    ...opts.env,
  };
  if (opts.seed) {
    const seedPath = path.join(dataDir, 'seed.json');
    await writeFile(seedPath, JSON.stringify(opts.seed));
    env.EMULATOR_SEED = seedPath;
  }
  const proc = spawnTs('emulator/main.ts', env);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (proc.child.exitCode === null && proc.child.signalCode === null) {
      proc.child.kill('SIGTERM');
      const exited = proc.exited();
      const timer = setTimeout(() => proc.child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  let line: string;
  try {
    line = await Promise.race([
      proc.waitForLine((l) => l.includes('"emulator":"ready"'), opts.timeoutMs ?? 60_000),
      proc.exited().then(({ code }) => {
        throw new Error(`emulator exited (code ${code}) before it was ready:\n${proc.stderr.join('\n')}`);
      }),
    ]);
  } catch (err) {
    await stop();
    throw err;
  }
  const ready = JSON.parse(line) as {
    port: number;
    url: string;
    httpUrl: string;
    caPath: string;
    tenantId: string;
    appId: string;
  };
  const control = <T = Wire>(method: string, p: string, body?: unknown) =>
    httpJson<T>(ready.httpUrl, method, p, body);
  const tenant = (await control('GET', '/emulator/tenant')).body;
  const app = tenant.apps.find((a: { appId: string }) => a.appId === ready.appId);
  return {
    url: ready.url,
    httpUrl: ready.httpUrl,
    caPath: ready.caPath,
    ca: await readFile(ready.caPath, 'utf8'),
    tenantId: ready.tenantId,
    appId: ready.appId,
    appSecret: app?.secrets?.[0] ?? '',
    people: tenant.people,
    tenant,
    control,
    stderr: () => [...proc.stderr],
    stop,
  };
}

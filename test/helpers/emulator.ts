// Starts the emulator for a test through its kit (EMULATOR_PORT=0, a temp data folder) and stops it.
import http from 'node:http';
import { start, type Emulator } from '../../emulator/kit';
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

/** Starts an emulator through its test kit (emulator/kit), with the tenant as the control API reports it. */
export async function startEmulator(
  opts: { env?: Record<string, string>; seed?: object; timeoutMs?: number } = {},
): Promise<RunningEmulator & { kit: Emulator }> {
  const kit = await start({
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.seed ? { seed: opts.seed } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  const control = <T = Wire>(method: string, p: string, body?: unknown) => kit.control<T>(method, p, body);
  try {
    const tenant = (await control('GET', '/emulator/tenant')).body;
    return {
      kit,
      url: kit.url,
      httpUrl: kit.httpUrl,
      caPath: kit.caPath,
      ca: kit.ca,
      tenantId: kit.tenantId,
      appId: kit.appId,
      appSecret: kit.appSecret,
      people: tenant.people,
      tenant,
      control,
      stderr: () => [...kit.stderr()],
      stop: () => kit.stop(),
    };
  } catch (err) {
    await kit.stop();
    throw err;
  }
}

// The app (in this process, real server and SQLite) and the emulator (its own process) wired together
// over loopback, as `npm start` does in local mode.
import { createServer } from 'node:net';
import type { CallingService } from '../../../calling';
import { startApp, type TestApp } from '../../helpers/app';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator';

export interface Harness {
  readonly emu: RunningEmulator;
  readonly app: TestApp;
  readonly calling: CallingService;
  readonly port: number;
  stop(): Promise<void>;
}

/** A free port on 127.0.0.1 (the app's URL must be known before it listens: Graph calls it back). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The app's environment for talking to this emulator. */
export function appEnv(emu: RunningEmulator, port: number): Record<string, string> {
  return {
    SWITCHBOARD_MODE: 'local',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    MicrosoftAppId: emu.appId,
    MicrosoftAppPassword: emu.appSecret,
    MicrosoftAppTenantId: emu.tenantId,
    GRAPH_BASE_URL: `${emu.url}/v1.0`,
    ENTRA_AUTHORITY_HOST: emu.url,
    CALLING_OPENID_CONFIG_URL: `${emu.url}/calling/v1/.well-known/OpenIdConfiguration`,
    EXTRA_CA_FILE: emu.caPath,
    LOG_LEVEL: 'warn',
  };
}

/** Starts the emulator and the app; new incoming calls are announced to this app. */
export async function startHarness(emuEnv: Record<string, string> = {}): Promise<Harness> {
  const emu = await startEmulator({ env: { EMULATOR_PROMPT_SPEED: '2', ...emuEnv } });
  try {
    const port = await freePort();
    await emu.control('PATCH', `/emulator/apps/${emu.appId}`, {
      callingWebhook: `http://127.0.0.1:${port}/api/calls`,
    });
    const app = await startApp(appEnv(emu, port));
    const calling = app.app.calling;
    if (!calling) throw new Error('the app started without its call model');
    return {
      emu,
      app,
      calling,
      port,
      async stop() {
        await app.stop();
        await emu.stop();
      },
    };
  } catch (err) {
    await emu.stop();
    throw err;
  }
}

/** A seeded person by display name. */
export function person(h: { emu: RunningEmulator }, displayName: string): { id: string; phone?: string } {
  const p = h.emu.people.find((x) => x.displayName === displayName);
  if (!p) throw new Error(`no seeded person ${displayName}`);
  return p;
}

/** Sets a person's script for their next call. */
export async function script(
  h: { emu: RunningEmulator },
  personId: string,
  s: Record<string, unknown>,
): Promise<void> {
  const res = await h.emu.control('PUT', `/emulator/people/${personId}/script`, s);
  if (res.status >= 300) throw new Error(`script for ${personId}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The emulator's record of a call. */
export async function emulatorCall(
  h: { emu: RunningEmulator },
  callId: string,
): Promise<Record<string, unknown>> {
  return (await h.emu.control('GET', `/emulator/calls/${callId}`)).body as Record<string, unknown>;
}

/** Collects one kind of event for later assertions. */
export function collect<T>(subscribe: (handler: (e: T) => void) => () => void): {
  items: T[];
  off: () => void;
} {
  const items: T[] = [];
  const off = subscribe((e) => void items.push(e));
  return { items, off };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `check` holds; polls every 50 ms; rejects with `what` after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 15_000,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

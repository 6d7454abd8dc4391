// Everything a storm runs against, each in its own process: the emulator, one or two app instances
// (two share a PostgreSQL the benchmark starts, behind the round-robin proxy), and the reflex responder
// registered as a second app. The apps run the shipped front desk and menus, with the front desk's
// capacity raised above the number of callers (the shipped limit of 10 would turn the storm away).
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { httpJson, type ControlResponse } from '../../test/helpers/emulator';
import { freePort } from '../../test/helpers/free-port';
import { startPostgres, type TestPostgres } from '../../test/helpers/postgres';
import { spawnLogged, type LoggedProcess } from '../processes';

const ROOT = path.resolve(__dirname, '..', '..');
export const REFLEX_APP_ID = '5f1e7c1a-0000-4000-8000-00000000f1e7';

export interface StackOptions {
  readonly dir: string;
  readonly instances: 1 | 2;
  readonly db: 'sqlite' | 'postgres';
  readonly calls: number;
  readonly logLevel: string;
  /** Node options for the emulator, the app instances and the reflex (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
  /** The queues file the app loads (default: the shipped config/queues.yaml). */
  readonly queuesFile?: string;
}

export interface Stack {
  readonly appId: string;
  readonly appPids: number[];
  readonly reflexPid: number;
  readonly emulatorPid: number;
  readonly proxyPid: number | undefined;
  control<T = unknown>(method: string, p: string, body?: unknown): Promise<ControlResponse<T>>;
  stop(): Promise<void>;
}

interface Ready {
  url: string;
  httpUrl: string;
  caPath: string;
  tenantId: string;
  appId: string;
}

/** The shipped front desk with room for every caller; nothing else changes. */
function frontDeskFor(calls: number, dir: string): string {
  const shipped = readFileSync(path.join(ROOT, 'config', 'frontdesk.yaml'), 'utf8');
  const limit = `maxConcurrentCalls: ${calls + 10}`;
  const text = /^maxConcurrentCalls:.*$/m.test(shipped)
    ? shipped.replace(/^maxConcurrentCalls:.*$/m, limit)
    : `${shipped}\n${limit}\n`;
  const file = path.join(dir, 'frontdesk.yaml');
  writeFileSync(file, text);
  return file;
}

/** The people keys 1 and 2 transfer to in the shipped menu (the front desk's "sales" and "support"). */
function transferTargets(): { sales: string; support: string } {
  const desk = parse(readFileSync(path.join(ROOT, 'config', 'frontdesk.yaml'), 'utf8')) as {
    people: Record<string, { user: string }>;
  };
  return { sales: desk.people.sales?.user ?? '', support: desk.people.support?.user ?? '' };
}

/** Starts the stack; stops whatever started when a later step fails. */
export async function startStack(o: StackOptions): Promise<Stack> {
  const started: LoggedProcess[] = [];
  let pg: TestPostgres | undefined;
  const stop = async (): Promise<void> => {
    for (const p of started.reverse()) await p.stop();
    await pg?.stop();
  };
  try {
    if (o.db === 'postgres') pg = await startPostgres();
    const appPorts = await Promise.all(Array.from({ length: o.instances }, () => freePort()));
    const front = o.instances > 1 ? await freePort() : appPorts[0]!;
    const frontUrl = `http://127.0.0.1:${front}`;
    const emulator = spawnLogged(
      'emulator/main.ts',
      {
        EMULATOR_PORT: '0',
        EMULATOR_HOST: '127.0.0.1',
        EMULATOR_DATA_DIR: path.join(o.dir, 'emulator'),
        EMULATOR_APP_WEBHOOK: `${frontUrl}/api/calls`,
        EMULATOR_TAB_URL: `${frontUrl}/tab/`,
      },
      path.join(o.dir, 'emulator.log'),
      o.nodeArgs ?? [],
    );
    started.push(emulator);
    const ready = (await emulator.waitForLine((l) =>
      l.startsWith('{"emulator":"ready"'),
    )) as unknown as Ready;
    const control = <T>(method: string, p: string, body?: unknown) =>
      httpJson<T>(ready.httpUrl, method, p, body);
    const tenant = (
      await control<{ apps: { appId: string; secrets: string[] }[] }>('GET', '/emulator/tenant')
    ).body;
    const secret = tenant.apps.find((a) => a.appId === ready.appId)?.secrets[0] ?? '';

    let proxyPid: number | undefined;
    if (o.instances > 1) {
      const proxy = spawnLogged(
        'bench/storm/round-robin-proxy.ts',
        {
          PROXY_PORT: String(front),
          PROXY_UPSTREAMS: appPorts.map((p) => `http://127.0.0.1:${p}`).join(','),
        },
        path.join(o.dir, 'proxy.log'),
      );
      started.push(proxy);
      await proxy.waitForLine((l) => l.startsWith('{"proxy":"ready"'));
      proxyPid = proxy.child.pid;
    }
    const frontDesk = frontDeskFor(o.calls, o.dir);
    const apps = appPorts.map((port, i) => {
      const app = spawnLogged(
        'server/main.ts',
        {
          SWITCHBOARD_MODE: 'local',
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: frontUrl,
          LOG_LEVEL: o.logLevel,
          MicrosoftAppId: ready.appId,
          MicrosoftAppPassword: secret,
          MicrosoftAppTenantId: ready.tenantId,
          GRAPH_BASE_URL: `${ready.url}/v1.0`,
          ENTRA_AUTHORITY_HOST: ready.url,
          CALLING_OPENID_CONFIG_URL: `${ready.url}/calling/v1/.well-known/OpenIdConfiguration`,
          EXTRA_CA_FILE: ready.caPath,
          FRONTDESK_CONFIG: frontDesk,
          IVR_DIR: path.join(ROOT, 'config', 'ivr'),
          QUEUES_CONFIG: o.queuesFile ?? path.join(ROOT, 'config', 'queues.yaml'),
          TTS_CACHE_DIR: path.join(o.dir, `tts-${i}`),
          SQLITE_PATH: path.join(o.dir, 'switchboard.db'),
          ...(pg ? { DATABASE_URL: pg.url } : {}),
        },
        path.join(o.dir, `app-${i}.log`),
        o.nodeArgs ?? [],
      );
      started.push(app);
      return app;
    });
    for (const [i, app] of apps.entries()) await untilReady(`http://127.0.0.1:${appPorts[i]}/readyz`, app);

    const reflexSecret = `reflex-${randomUUID()}`;
    const reflex = spawnLogged(
      'bench/storm/reflex.ts',
      {
        REFLEX_EMULATOR_URL: ready.url,
        REFLEX_CA_FILE: ready.caPath,
        REFLEX_TENANT_ID: ready.tenantId,
        REFLEX_APP_ID: REFLEX_APP_ID,
        REFLEX_APP_SECRET: reflexSecret,
        REFLEX_PROMPTS_DIR: path.join(ROOT, 'assets', 'prompts'),
        ...prefixed(transferTargets()),
      },
      path.join(o.dir, 'reflex.log'),
      o.nodeArgs ?? [],
    );
    started.push(reflex);
    const reflexUrl = String((await reflex.waitForLine((l) => l.startsWith('{"reflex":"ready"')))['url']);
    const registered = await control('PUT', `/emulator/apps/${REFLEX_APP_ID}`, {
      displayName: 'Reflex responder',
      secrets: [reflexSecret],
      graphRoles: ['Calls.AccessMedia.All', 'Calls.Initiate.All', 'Calls.JoinGroupCall.All'],
      callingWebhook: `${reflexUrl}/api/calls`,
    });
    if (registered.status >= 300)
      throw new Error(`could not register the reflex app: ${JSON.stringify(registered.body)}`);
    return {
      appId: ready.appId,
      appPids: apps.map((a) => a.child.pid!),
      reflexPid: reflex.child.pid!,
      emulatorPid: emulator.child.pid!,
      proxyPid,
      control,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

function prefixed(t: { sales: string; support: string }): Record<string, string> {
  return { REFLEX_SALES: t.sales, REFLEX_SUPPORT: t.support };
}

/** Waits for the app's readiness probe (whatever its log level), or fails once it exited. */
async function untilReady(url: string, app: LoggedProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(url).catch(() => undefined);
    if (res?.ok) return;
    const exited = app.child.exitCode !== null || app.child.signalCode !== null;
    if (exited || Date.now() > deadline)
      throw new Error(
        `${url} did not answer 200 ${exited ? 'before the app exited' : 'within 60 s'}; see ${app.logFile}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

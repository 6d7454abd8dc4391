import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, createLogger, readConfig, type App, type Config } from '../../server';
import { startKeyAuthority, type KeyAuthority } from './calling-keys';
import { forSuite } from './suite';

export interface TestApp {
  readonly url: string;
  readonly port: number;
  readonly app: App;
  readonly config: Config;
  /** Log lines the app wrote (pino JSON objects). */
  readonly logs: Array<Record<string, unknown>>;
  /** The calling key authority the app trusts, unless the test passed its own CALLING_OPENID_CONFIG_URL. */
  readonly keys: KeyAuthority | undefined;
  /** The app's temp data folder (the SQLite file and the text prompt cache, unless the env moves them). */
  readonly dir: string;
  /** Closes the app and starts it again with the same configuration: same database, same PORT if one was set. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** What createApp takes besides its configuration (a notifier, flow timings). */
export type AppDeps = NonNullable<Parameters<typeof createApp>[2]>;

export const TEST_APP_ID = '0b6e2f4c-0000-4000-8000-00000000b302';
export const TEST_TENANT_ID = '7c1f0d2a-0000-4000-8000-000000009f11';

/**
 * Starts the real app (restify, real store) in this process on 127.0.0.1:0 with a temp SQLite file.
 * Unless the test names its own CALLING_OPENID_CONFIG_URL, a local key authority stands in for the
 * calling service's OpenID document, so nothing leaves loopback.
 */
export async function startApp(env: Record<string, string> = {}, deps: AppDeps = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-app-'));
  const keys = env.CALLING_OPENID_CONFIG_URL
    ? undefined
    : await startKeyAuthority({
        appId: env.MicrosoftAppId ?? TEST_APP_ID,
        tenantId: env.MicrosoftAppTenantId ?? TEST_TENANT_ID,
      });
  const config = readConfig({
    MicrosoftAppId: TEST_APP_ID,
    MicrosoftAppTenantId: TEST_TENANT_ID,
    ...(keys ? { CALLING_OPENID_CONFIG_URL: keys.openIdConfigUrl } : {}),
    SWITCHBOARD_MODE: 'local',
    PORT: '0',
    HOST: '127.0.0.1',
    SQLITE_PATH: path.join(dir, 'switchboard.db'),
    TTS_CACHE_DIR: path.join(dir, 'tts'),
    LOG_LEVEL: 'debug',
    SHUTDOWN_GRACE_MS: '2000',
    ...env,
  });
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  const boot = async () => {
    const app = await createApp(config, createLogger({ level: config.LOG_LEVEL, destination: sink }), deps);
    const address = await app.listen();
    // Text prompts are synthesized once at start; a call placed before that would wait on it. A line
    // with no front desk has one sentence to speak, and most suites never call it: they do not wait.
    if (app.callFlows?.configured) await app.callFlows.ready();
    return { app, ...address };
  };
  let running: Awaited<ReturnType<typeof boot>>;
  try {
    running = await boot();
  } catch (err) {
    await keys?.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    get url() {
      return running.url;
    },
    get port() {
      return running.port;
    },
    get app() {
      return running.app;
    },
    config,
    logs,
    keys,
    dir,
    async restart() {
      await running.app.close();
      running = await boot();
    },
    async stop() {
      await running.app.close();
      await keys?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts the app in the suite's before() and stops it in its after(). */
export function useApp(env: Record<string, string> = {}, deps: AppDeps = {}): TestApp {
  return forSuite(
    () => startApp(env, deps),
    (app) => app.stop(),
  );
}

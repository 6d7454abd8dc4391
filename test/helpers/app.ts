import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, createLogger, readConfig, type App, type Config } from '../../server';

export interface TestApp {
  readonly url: string;
  readonly port: number;
  readonly app: App;
  readonly config: Config;
  /** Log lines the app wrote (pino JSON objects). */
  readonly logs: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Starts the real app (restify, real store) in this process on 127.0.0.1:0 with a temp SQLite file. */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-app-'));
  const config = readConfig({
    SWITCHBOARD_MODE: 'local',
    PORT: '0',
    HOST: '127.0.0.1',
    SQLITE_PATH: path.join(dir, 'switchboard.db'),
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
  const app = await createApp(config, createLogger({ level: config.LOG_LEVEL, destination: sink }));
  const { port, url } = await app.listen();
  return {
    url,
    port,
    app,
    config,
    logs,
    async stop() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

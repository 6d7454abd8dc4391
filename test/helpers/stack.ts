// The emulator (its own process) and the app (in this process) wired together over loopback as
// `npm start` wires them in local mode, optionally with the front desk and Chromium. stop() closes
// everything the stack started, the last started first.
import path from 'node:path';
import type { CallingService, NotificationCard, Notifier } from '../../calling';
import { startApp, type AppDeps, type TestApp } from './app';
import { launchBrowser, type RunningBrowser } from './browser';
import { startEmulator, type RunningEmulator } from './emulator';
import { emulatorGraphEnv } from './emulator-env';
import { freePort } from './free-port';
import { ROOT } from './process';
import { forSuite } from './suite';

export interface StackOptions {
  /** The emulator's environment (EMULATOR_*). */
  emulator?: Record<string, string>;
  /** The app's environment on top of the emulator wiring (or made from the emulator); false: no app. */
  app?: Record<string, string> | ((emu: RunningEmulator) => Record<string, string>) | false;
  /** What createApp gets besides its configuration (a notifier, flow timings). */
  deps?: AppDeps;
  /** A front desk file (FRONTDESK_CONFIG) for the app, with the shipped IVR menus. */
  frontDesk?: string;
  /** Launches Chromium too (with these options when an object). */
  browser?: boolean | Parameters<typeof launchBrowser>[0];
}

export interface Stack {
  readonly emu: RunningEmulator;
  /** The app started with the stack. */
  readonly app: TestApp;
  /** That app's call model. */
  readonly calling: CallingService;
  readonly browser: RunningBrowser;
  /** Starts one more app on the emulator (a new port and database); the emulator's incoming calls go to it. */
  startApp(env?: Record<string, string>, deps?: AppDeps): Promise<TestApp>;
  /** Has `close` run by stop(), before what the stack started earlier. */
  onStop(close: () => Promise<unknown> | void): void;
  stop(): Promise<void>;
}

/** The app's environment for talking to this emulator, on this port. */
export function emulatorAppEnv(emu: RunningEmulator, port: number): Record<string, string> {
  return {
    SWITCHBOARD_MODE: 'local',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...emulatorGraphEnv(emu),
    PROMPTS_DIR: path.join(ROOT, 'assets', 'prompts'),
    SPEECH_ENDPOINT: emu.url,
    SPEECH_KEY: String(
      (emu.tenant['speech'] as { keys?: string[] } | undefined)?.keys?.[0] ?? 'emulator-speech-key',
    ),
    LOG_LEVEL: 'warn',
  };
}

/** Points the emulated app registration's calling webhook (where incoming calls go) at this port. */
export async function routeCallsTo(emu: RunningEmulator, port: number): Promise<void> {
  const res = await emu.control('PATCH', `/emulator/apps/${emu.appId}`, {
    callingWebhook: `http://127.0.0.1:${port}/api/calls`,
  });
  if (res.status >= 300) throw new Error(`callingWebhook: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A notifier that keeps every card the flows ask it to post. */
export function recordingNotifier(): Notifier & {
  posted: Array<{ target: string; card: NotificationCard }>;
} {
  const posted: Array<{ target: string; card: NotificationCard }> = [];
  return {
    posted,
    async postCard(target, card) {
      posted.push({ target, card });
    },
  };
}

/** Starts the emulator, then (unless opts.app is false) the app pointed at it, then Chromium if asked. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const closers: Array<() => Promise<unknown> | void> = [];
  const stop = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  const emu = await startEmulator({ env: opts.emulator ?? {} });
  closers.push(() => emu.stop());
  const more = async (env: Record<string, string> = {}, deps: AppDeps = opts.deps ?? {}) => {
    const port = await freePort();
    await routeCallsTo(emu, port);
    const app = await startApp({ ...emulatorAppEnv(emu, port), ...env }, deps);
    closers.push(() => app.stop());
    return app;
  };
  let app: TestApp | undefined;
  let browser: RunningBrowser | undefined;
  try {
    if (opts.app !== false) {
      const env = typeof opts.app === 'function' ? opts.app(emu) : (opts.app ?? {});
      const frontDesk = opts.frontDesk && {
        FRONTDESK_CONFIG: path.resolve(ROOT, opts.frontDesk),
        IVR_DIR: path.join(ROOT, 'config', 'ivr'),
      };
      app = await more({ ...frontDesk, ...env });
      if (!app.app.calling) throw new Error('the app started without its call model');
    }
    if (opts.browser) {
      const b = await launchBrowser(opts.browser === true ? {} : opts.browser);
      browser = b;
      closers.push(() => b.close());
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const need = <T>(thing: T | undefined, what: string): T => {
    if (thing === undefined) throw new Error(`this stack was started without ${what}`);
    return thing;
  };
  return {
    emu,
    get app() {
      return need(app, 'an app');
    },
    get calling() {
      return need(app?.app.calling, 'an app');
    },
    get browser() {
      return need(browser, 'a browser');
    },
    startApp: more,
    onStop: (close) => void closers.push(close),
    stop,
  };
}

/** Starts a stack in the suite's before() and stops it in its after(); read its fields in tests and hooks. */
export function useStack(opts: StackOptions = {}): Stack {
  return forSuite(
    () => startStack(opts),
    (stack) => stack.stop(),
  );
}

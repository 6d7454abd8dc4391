// The echo bot example packed and installed once per test run, for every file that runs it: calling and
// the emulator packed with `npm pack`, the example copied out of the repository and installed from the
// tarballs (botbuilder and restify from npm). Each file starts its own emulator and example on top.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type * as Kit from '../../../emulator/kit';
import { startConnector, type BotConnector } from '../../helpers/bot-connector';
import { freePort } from '../../helpers/free-port';
import { emulatorGraphEnv } from '../../helpers/emulator-env';
import { installExample, startExample, type RunningExample } from './example-app';
import { chatWith, type Chat } from './example-chat';
import { pack } from './npm';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface InstalledExample {
  /** The example's folder, outside the repository. */
  readonly dir: string;
  /** The emulator's kit as the example's folder resolves it: the installed package's, through its exports. */
  readonly kit: typeof Kit;
}

let work: string | undefined;
let installing: Promise<InstalledExample> | undefined;

async function packAndInstall(): Promise<InstalledExample> {
  work = await mkdtemp(path.join(os.tmpdir(), 'example-echo-'));
  const calling = await pack(path.join(ROOT, 'calling'), work);
  const emulator = await pack(path.join(ROOT, 'emulator'), work);
  const dir = path.join(work, 'echo-calling');
  await mkdir(dir);
  await installExample(dir, { calling: calling.tarball, emulator: emulator.tarball });
  const kit = createRequire(path.join(dir, 'package.json'))('@switchboard/emulator/kit') as typeof Kit;
  return { dir, kit };
}

/** The installed example; the first call packs and installs, later ones (any file) share it. */
export function installedExample(): Promise<InstalledExample> {
  installing ??= packAndInstall();
  return installing;
}

// A root hook: the folder goes once every file that shares it has run.
after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** What a test of the example talks to: the emulator, the example, and the stand-in Bot Framework connector. */
export interface ExampleStack {
  readonly emu: Kit.Emulator;
  readonly app: RunningExample;
  readonly appUrl: string;
  readonly connector: BotConnector;
  readonly chat: Chat;
  stop(): Promise<void>;
}

/** The installed example started on a free port against a new emulator, with Bot Framework auth as asked. */
export async function startExampleStack(botAuth: 'on' | 'off'): Promise<ExampleStack> {
  const { dir, kit } = await installedExample();
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const emu = await startEmulator(kit, appUrl);
  const app = await startAgainst(dir, emu, port, botAuth);
  const connector = await startConnector();
  const stop = async () => {
    await app.stop();
    await connector.close();
    await emu.stop();
  };
  return { emu, app, appUrl, connector, chat: chatWith(appUrl, connector), stop };
}

/** Starts the emulator with its webhook at `appUrl`; prompts play four times faster (the menu: 1.5 s). */
export function startEmulator(kit: typeof Kit, appUrl: string): Promise<Kit.Emulator> {
  return kit.start({ appWebhook: `${appUrl}/api/calls`, env: { EMULATOR_PROMPT_SPEED: '4' } });
}

/** Starts the example on `port` against `emu`, with Bot Framework auth as `botAuth` says. */
export function startAgainst(
  dir: string,
  emu: Kit.Emulator,
  port: number,
  botAuth: 'on' | 'off',
): Promise<RunningExample> {
  const appUrl = `http://127.0.0.1:${port}`;
  return startExample(
    dir,
    {
      PORT: String(port),
      PUBLIC_URL: appUrl,
      ...emulatorGraphEnv(emu),
      BOT_AUTH: botAuth,
    },
    60_000,
  );
}

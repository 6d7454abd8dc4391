// The app (in this process, with the front desk and IVR on) and the emulator, for the flows e2e tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { CallFlows, CallingService, NotificationCard, Notifier } from '../../../calling';
import { createApp, createLogger, readConfig, type App } from '../../../server';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator';
import { appEnv, freePort, until } from '../calling/harness';

export interface FlowsHarness {
  readonly emu: RunningEmulator;
  app: App;
  calling: CallingService;
  flows: CallFlows;
  /** The app's data folder (SQLite and the text prompt cache). */
  readonly dataDir: string;
  readonly posted: Array<{ target: string; card: NotificationCard }>;
  readonly logs: Array<Record<string, unknown>>;
  /** Closes the app and starts it again on the same database and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the emulator and the app with FRONTDESK_CONFIG set to `frontdesk`. */
export async function startFlowsHarness(
  frontdesk: string,
  extraEnv: Record<string, string> = {},
): Promise<FlowsHarness> {
  const emu = await startEmulator({ env: { EMULATOR_PROMPT_SPEED: '2' } });
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-flows-'));
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  await emu.control('PATCH', `/emulator/apps/${emu.appId}`, {
    callingWebhook: `http://127.0.0.1:${port}/api/calls`,
  });
  const posted: Array<{ target: string; card: NotificationCard }> = [];
  const notifier: Notifier = {
    async postCard(target, card) {
      posted.push({ target, card });
    },
  };
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  const env = {
    ...appEnv(emu, port),
    SQLITE_PATH: path.join(dataDir, 'switchboard.db'),
    TTS_CACHE_DIR: path.join(dataDir, 'tts'),
    FRONTDESK_CONFIG: path.resolve(frontdesk),
    IVR_DIR: path.resolve('config/ivr'),
    PROMPTS_DIR: path.resolve('assets/prompts'),
    NOTIFY_TARGET: 'conv-frontdesk',
    ...extraEnv,
  };
  const boot = async () => {
    const app = await createApp(readConfig(env), createLogger({ level: 'warn', destination: sink }), {
      notifier,
    });
    await app.listen();
    if (!app.calling || !app.callFlows)
      throw new Error('the app started without its call model or front desk');
    // Text prompts are synthesized once at start; calls placed before that would wait on it.
    await app.callFlows.ready();
    return app;
  };
  let app: App;
  try {
    app = await boot();
  } catch (err) {
    await emu.stop();
    throw err;
  }
  const h: FlowsHarness = {
    emu,
    app,
    calling: app.calling!,
    flows: app.callFlows!,
    dataDir,
    posted,
    logs,
    async restart() {
      await h.app.close();
      h.app = await boot();
      h.calling = h.app.calling!;
      h.flows = h.app.callFlows!;
    },
    async stop() {
      await h.app.close();
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/** The person calls the app; resolves with the call id (the same on both sides). */
export async function callApp(h: FlowsHarness, personId: string, to = 'app'): Promise<string> {
  const res = await h.emu.control<{ callId: string }>('POST', `/emulator/people/${personId}/call`, { to });
  if (res.status !== 201) throw new Error(`the call could not be placed: ${JSON.stringify(res.body)}`);
  return res.body.callId.toLowerCase();
}

/** The timeline's summaries of a call, in order. */
export async function notes(h: FlowsHarness, callId: string): Promise<string[]> {
  return (await h.calling.timeline(callId)).map((e) => e.summary);
}

/** Waits until a timeline summary matches. */
export async function untilNote(
  h: FlowsHarness,
  callId: string,
  re: RegExp,
  what: string,
  ms = 30_000,
): Promise<void> {
  await until(async () => (await notes(h, callId)).some((n) => re.test(n)), what, ms);
}

/** Waits for the call to end; resolves with its end. */
export async function ended(h: FlowsHarness, callId: string, ms = 60_000) {
  return (await h.calling.waitForState(callId, 'terminated', ms)).end;
}

/** The IVR's saved position (phase, node) of a call. */
export async function ivrAt(h: FlowsHarness, callId: string): Promise<{ phase?: string; node?: string }> {
  const flow = (await h.calling.getCall(callId))?.flow as
    { state?: { phase?: string; node?: string } } | undefined;
  return flow?.state ?? {};
}

/** Prompt URIs the emulator played on a call, in order. */
export async function promptsPlayed(h: FlowsHarness, callId: string): Promise<string[]> {
  const t = (
    await h.emu.control<{ value?: unknown[] } | unknown[]>('GET', `/emulator/calls/${callId}/timeline`)
  ).body;
  const entries = (Array.isArray(t) ? t : ((t as { value?: unknown[] }).value ?? [])) as Array<
    Record<string, unknown>
  >;
  return entries.flatMap((e) =>
    e['event'] === 'prompt-playing' && Array.isArray(e['uris']) ? (e['uris'] as string[]) : [],
  );
}

/** Waits until the IVR is at `node` (playing its prompts or waiting for keys), then the caller presses keys. */
export async function pressAt(h: FlowsHarness, callId: string, node: string, tones: string): Promise<void> {
  await until(
    async () => {
      const at = await ivrAt(h, callId);
      return at.node === node && (at.phase === 'prompting' || at.phase === 'collecting');
    },
    `the IVR to reach ${node}`,
    30_000,
  );
  const res = await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones });
  if (res.status >= 300) throw new Error(`keys ${tones}: ${res.status} ${JSON.stringify(res.body)}`);
}

// The app (in this process, with the front desk and IVR on) and the emulator, for the flows e2e tests.
import {
  createPromptCache,
  type CallFlows,
  type CallingService,
  type NotificationCard,
  type TextPrompts,
} from '../../../calling';
import type { App, Config } from '../../../server';
import { createEspeakSynthesizer } from '../../../tts-espeak';
import type { AppDeps } from '../../helpers/app';
import type { RunningEmulator } from '../../helpers/emulator';
import { recordingNotifier, startStack } from '../../helpers/stack';
import { until } from '../calling/harness';

export interface FlowsHarness {
  readonly emu: RunningEmulator;
  readonly app: App;
  readonly calling: CallingService;
  readonly flows: CallFlows;
  /** The app's data folder (SQLite and the text prompt cache). */
  readonly dataDir: string;
  readonly posted: Array<{ target: string; card: NotificationCard }>;
  readonly logs: Array<Record<string, unknown>>;
  /** Closes the app and starts it again on the same database and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** What the call helpers below need: the emulator and the app's call model. */
export type CallSides = Pick<FlowsHarness, 'emu' | 'calling'>;

/** Starts the emulator and the app with FRONTDESK_CONFIG set to `frontdesk` (and any timings in `deps`). */
export async function startFlowsHarness(
  frontdesk: string,
  opts: {
    deps?: Omit<AppDeps, 'notifier'>;
    emulator?: Record<string, string>;
    /** More of the app's environment (LOG_LEVEL, DATABASE_URL...). */
    app?: Record<string, string>;
  } = {},
): Promise<FlowsHarness> {
  const notifier = recordingNotifier();
  const stack = await startStack({
    emulator: { EMULATOR_PROMPT_SPEED: '2', ...opts.emulator },
    frontDesk: frontdesk,
    app: { NOTIFY_TARGET: 'conv-frontdesk', ...opts.app },
    deps: { ...opts.deps, notifier },
  });
  const t = stack.app;
  if (!t.app.callFlows) {
    await stack.stop();
    throw new Error('the app started without its front desk');
  }
  return {
    emu: stack.emu,
    get app() {
      return t.app;
    },
    get calling() {
      return t.app.calling!;
    },
    get flows() {
      return t.app.callFlows!;
    },
    dataDir: t.dir,
    posted: notifier.posted,
    logs: t.logs,
    restart: () => t.restart(),
    stop: () => stack.stop(),
  };
}

/** A prompt cache with the app's own text prompt settings: a text's file name says which text was spoken. */
export function appSpeech(config: Config): TextPrompts {
  return createPromptCache({
    synthesizer: createEspeakSynthesizer({ voice: config.TTS_VOICE }),
    dir: config.TTS_CACHE_DIR,
    baseUrl: `${config.publicUrl}/prompts/tts`,
  });
}

/** The person calls the app; resolves with the call id (the same on both sides). */
export async function callApp(h: CallSides, personId: string, to = 'app'): Promise<string> {
  const res = await h.emu.control<{ callId: string }>('POST', `/emulator/people/${personId}/call`, { to });
  if (res.status !== 201) throw new Error(`the call could not be placed: ${JSON.stringify(res.body)}`);
  return res.body.callId.toLowerCase();
}

/** The timeline's summaries of a call, in order. */
export async function notes(h: CallSides, callId: string): Promise<string[]> {
  return (await h.calling.timeline(callId)).map((e) => e.summary);
}

/** Waits until a timeline summary matches. */
export async function untilNote(
  h: CallSides,
  callId: string,
  re: RegExp,
  what: string,
  ms = 30_000,
): Promise<void> {
  await until(async () => (await notes(h, callId)).some((n) => re.test(n)), what, ms);
}

/** Waits for the call to end; resolves with its end. */
export async function ended(h: CallSides, callId: string, ms = 60_000) {
  return (await h.calling.waitForState(callId, 'terminated', ms)).end;
}

/** The IVR's saved position (phase, node) of a call: the newest position its timeline records. */
export async function ivrAt(h: CallSides, callId: string): Promise<{ phase?: string; node?: string }> {
  const saved = (await h.calling.timeline(callId))
    .filter((e) => e.kind === 'flow')
    .map((e) => e.data as { kind?: string; state?: { phase?: string; node?: string } } | undefined)
    .filter((f) => f?.kind === 'ivr');
  return saved.at(-1)?.state ?? {};
}

/** Prompt URIs the emulator played on a call, in order. */
export async function promptsPlayed(h: CallSides, callId: string): Promise<string[]> {
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

/** Waits until the IVR listens at `node` (the recording started), then the caller says the words. */
export async function sayAt(h: CallSides, callId: string, node: string, text: string): Promise<void> {
  await until(
    async () => {
      const at = await ivrAt(h, callId);
      return at.node === node && at.phase === 'listening';
    },
    `the IVR to listen at ${node}`,
    30_000,
  );
  const res = await h.emu.control('POST', `/emulator/calls/${callId}/say`, { text });
  if (res.status >= 300) throw new Error(`say: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Waits until the IVR is at `node` (playing its prompts, waiting for keys or listening), then the caller presses keys. */
export async function pressAt(h: CallSides, callId: string, node: string, tones: string): Promise<void> {
  await until(
    async () => {
      const at = await ivrAt(h, callId);
      return at.node === node && ['prompting', 'collecting', 'listening'].includes(at.phase ?? '');
    },
    `the IVR to reach ${node}`,
    30_000,
  );
  const res = await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones });
  if (res.status >= 300) throw new Error(`keys ${tones}: ${res.status} ${JSON.stringify(res.body)}`);
}

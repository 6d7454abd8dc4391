// The emulator's settings, read once from the environment. Defaults make `node emulator/main.ts`
// work from the repository root with no variables set.
import fs from 'node:fs';
import path from 'node:path';
import { shippedCsdlPath } from './csdl';
import { ID_STYLES, type IdStyle } from './graph/id-style';

/** Everything main.ts needs to start the emulator. */
export interface EmulatorConfig {
  port: number;
  host: string;
  dataDir: string;
  seedPath: string;
  csdlPath: string;
  /** Public base URL; undefined means https://localhost:<bound port>. */
  publicUrl: string | undefined;
  /** Overrides the seeded app's callingWebhook when set. */
  appWebhook: string | undefined;
  /** The tab the Teams host page frames unless its URL names another (`?tab=`). */
  tabUrl: string;
  /** Media time divisor: 10 makes prompts, beeps and recording windows run 10x faster. */
  promptSpeed: number;
  /** How long an incoming call waits for answer/reject/redirect before it ends (408/1106). */
  incomingTimeoutMs: number;
  /** How long an outgoing call rings a person who never answers before it ends (408/10057). */
  ringTimeoutMs: number;
  /** How call and operation ids are spelled: `guid` (lower-case hyphenated) or `compact-upper`. */
  idStyle: IdStyle;
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  return value;
}

/** The first existing path of the candidates (the first one when none exists, for the error message). */
function firstExisting(candidates: string[]): string {
  return candidates.find((p) => fs.existsSync(p)) ?? (candidates[0] as string);
}

// Run from source (emulator/) or from the build (dist/emulator/, where the seed is not copied).
const defaultSeed = (): string =>
  firstExisting([
    path.join(__dirname, 'seed', 'tenant.json'),
    path.resolve(__dirname, '..', '..', 'emulator', 'seed', 'tenant.json'),
    path.resolve(process.cwd(), 'emulator', 'seed', 'tenant.json'),
  ]);

function httpUrlFrom(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol))
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  return raw;
}

function idStyleFrom(env: NodeJS.ProcessEnv): IdStyle {
  const raw = env.EMULATOR_ID_STYLE;
  if (raw === undefined || raw === '') return 'guid';
  const style = ID_STYLES.find((s) => s === raw);
  if (!style)
    throw new Error(`EMULATOR_ID_STYLE must be ${ID_STYLES.map((s) => `"${s}"`).join(' or ')}, got "${raw}"`);
  return style;
}

/** Reads the emulator's configuration from env (EMULATOR_*). */
export function readEmulatorConfig(env: NodeJS.ProcessEnv): EmulatorConfig {
  const port = numberFrom(env, 'EMULATOR_PORT', 3979, 0);
  if (port > 65535) throw new Error('EMULATOR_PORT must be at most 65535');
  const speed = numberFrom(env, 'EMULATOR_PROMPT_SPEED', 1, 0.001);
  return {
    port,
    host: env.EMULATOR_HOST || '127.0.0.1',
    dataDir: path.resolve(env.EMULATOR_DATA_DIR || './data/emulator'),
    seedPath: path.resolve(env.EMULATOR_SEED || defaultSeed()),
    csdlPath: env.EMULATOR_CSDL ? path.resolve(env.EMULATOR_CSDL) : shippedCsdlPath(),
    publicUrl: env.EMULATOR_PUBLIC_URL ? env.EMULATOR_PUBLIC_URL.replace(/\/+$/, '') : undefined,
    appWebhook: env.EMULATOR_APP_WEBHOOK || undefined,
    // The app's own default address; `npm start` passes the app's actual public URL.
    tabUrl: httpUrlFrom(env, 'EMULATOR_TAB_URL', 'http://localhost:3978/tab/'),
    promptSpeed: speed,
    incomingTimeoutMs: numberFrom(env, 'EMULATOR_INCOMING_TIMEOUT_MS', 15_000, 1),
    ringTimeoutMs: numberFrom(env, 'EMULATOR_RING_TIMEOUT_MS', 60_000, 1),
    idStyle: idStyleFrom(env),
  };
}

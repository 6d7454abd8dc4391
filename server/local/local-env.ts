// Local mode's configuration: when `npm start` runs it, the files it reads by default, and the
// environment that points the app at the emulator it started.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EmulatorReady } from './emulator-process';

type Env = Readonly<Record<string, string | undefined>>;

/** What `npm start` runs: local mode unless MicrosoftAppId is set, or SWITCHBOARD_MODE decides. */
export function isLocalMode(env: Env): boolean {
  return env.SWITCHBOARD_MODE === 'local' || (!env.MicrosoftAppId && env.SWITCHBOARD_MODE !== 'teams');
}

/** Local mode answers incoming calls with the shipped front desk and menus unless told otherwise. */
export function localFlowFiles(
  env: Env,
  root: string,
): { FRONTDESK_CONFIG: string; IVR_DIR: string; QUEUES_CONFIG: string } {
  return {
    FRONTDESK_CONFIG: env.FRONTDESK_CONFIG ?? path.join(root, 'config', 'frontdesk.yaml'),
    IVR_DIR: env.IVR_DIR ?? path.join(root, 'config', 'ivr'),
    QUEUES_CONFIG: env.QUEUES_CONFIG ?? path.join(root, 'config', 'queues.yaml'),
  };
}

/** The seed the emulator reads (EMULATOR_SEED, else the shipped tenant). */
export function emulatorSeedPath(env: Env, root: string): string {
  return path.resolve(env.EMULATOR_SEED || path.join(root, 'emulator', 'seed', 'tenant.json'));
}

interface Seed {
  apps?: Array<{ appId: string; secrets?: string[] }>;
  speech?: { keys?: string[] };
  resourceAccounts?: Array<{ id: string; appId: string; displayName?: string }>;
}

/** The app's environment against the running emulator, and where each value came from. */
export function localEnvironment(
  env: Env,
  sources: Readonly<Record<string, string>>,
  ready: EmulatorReady,
  root: string,
): { env: Record<string, string | undefined>; sources: Record<string, string> } {
  const seedPath = emulatorSeedPath(env, root);
  const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as Seed;
  const secret = seed.apps?.find((a) => a.appId === ready.appId)?.secrets?.[0];
  if (!secret) throw new Error(`the emulator seed ${seedPath} has no secret for app ${ready.appId}`);
  const emulated = {
    SWITCHBOARD_MODE: 'local',
    MicrosoftAppId: ready.appId,
    MicrosoftAppPassword: secret,
    MicrosoftAppTenantId: ready.tenantId,
    GRAPH_BASE_URL: `${ready.url}/v1.0`,
    ENTRA_AUTHORITY_HOST: ready.url,
    CALLING_OPENID_CONFIG_URL: `${ready.url}/calling/v1/.well-known/OpenIdConfiguration`,
    EXTRA_CA_FILE: ready.caPath,
  };
  const files = localFlowFiles(env, root);
  // Phone calls leave from the emulator's resource account bound to this app, if the seed has one.
  const account = env.PSTN_RESOURCE_ACCOUNT_ID
    ? undefined
    : seed.resourceAccounts?.find((r) => r.appId.toLowerCase() === ready.appId.toLowerCase());
  const pstn: Record<string, string> = account
    ? {
        PSTN_RESOURCE_ACCOUNT_ID: account.id,
        ...(env.PSTN_RESOURCE_ACCOUNT_NAME || !account.displayName
          ? {}
          : { PSTN_RESOURCE_ACCOUNT_NAME: account.displayName }),
      }
    : {};
  // Speech recognition goes to the emulator's Azure AI Speech endpoint unless the environment names one.
  const speechKey = seed.speech?.keys?.[0] ?? 'emulator-speech-key';
  const speech: Record<string, string> =
    env.SPEECH_KEY || env.SPEECH_REGION || env.SPEECH_ENDPOINT
      ? {}
      : { SPEECH_ENDPOINT: ready.url, SPEECH_KEY: speechKey };
  const out = { ...env, ...emulated, ...files, ...pstn, ...speech };
  const outSources: Record<string, string> = { ...sources };
  for (const k of Object.keys(emulated)) outSources[k] = 'local mode (emulator)';
  for (const k of Object.keys(files)) outSources[k] ??= 'local mode (shipped default)';
  for (const k of Object.keys(pstn)) outSources[k] ??= 'local mode (emulator seed)';
  for (const k of Object.keys(speech)) outSources[k] = 'local mode (emulator)';
  return { env: out, sources: outSources };
}

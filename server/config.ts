import { z } from 'zod';
import { AppError } from './app-error';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const guid = (what = 'must be') =>
  z.string().regex(GUID, `${what} a GUID like 00000000-0000-0000-0000-000000000000`);
const url = () =>
  z
    .string()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http(s) URL');
const port = z.coerce
  .number({ error: 'must be an integer between 0 and 65535' })
  .int('must be an integer between 0 and 65535')
  .min(0, 'must be an integer between 0 and 65535')
  .max(65535, 'must be an integer between 0 and 65535');
const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a positive integer` })
    .int()
    .positive();

/** Every variable the app reads, with its default. `.env.example` lists the same names. */
const schema = z.object({
  SWITCHBOARD_MODE: z
    .enum(['local', 'teams'], { error: 'must be "local" (emulator, no Bot Framework auth) or "teams"' })
    .default('teams'),
  PORT: port.default(3978),
  // Local mode only: where `npm start` runs the emulator beside the app.
  EMULATOR_PORT: port.default(3979),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .refine(
      (v) => /^postgres(ql)?:\/\//.test(v),
      'must be a postgres:// URL (leave it unset for the embedded SQLite)',
    )
    .optional(),
  SQLITE_PATH: z.string().min(1).default('./data/switchboard.db'),
  MicrosoftAppId: guid().optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppTenantId: guid().optional(),
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant']).default('SingleTenant'),
  GRAPH_BASE_URL: url().default('https://graph.microsoft.com/v1.0'),
  ENTRA_AUTHORITY_HOST: url().default('https://login.microsoftonline.com'),
  CALLING_OPENID_CONFIG_URL: url().default('https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration'),
  ToBotFromChannelOpenIdMetadataUrl: url().optional(),
  ToBotFromChannelTokenIssuer: z.string().min(1).optional(),
  TENANT_ALLOWLIST: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(guid('must list tenant ids, each')))
    .optional(),
  EXTRA_CA_FILE: z.string().min(1).optional(),
  PROMPTS_DIR: z.string().min(1).default('./assets/prompts'),
  TAB_DIR: z.string().min(1).default('./teams-tab/web/dist'),
  TAB_API_AUDIENCE: z.string().min(1).optional(),
  SHUTDOWN_GRACE_MS: positiveInt('SHUTDOWN_GRACE_MS').default(10000),
  // Front desk and IVR: unset FRONTDESK_CONFIG answers every incoming call with "not set up yet" and hangs up.
  FRONTDESK_CONFIG: z.string().min(1).optional(),
  IVR_DIR: z.string().min(1).default('./config/ivr'),
  // Call queues (config/queues.yaml): optional; IVR nodes reach them with `queue:`.
  QUEUES_CONFIG: z.string().min(1).optional(),
  TTS_CACHE_DIR: z.string().min(1).default('./data/tts'),
  TTS_VOICE: z
    .string()
    .regex(/^[a-z]{2,3}(-[a-z0-9]{1,8})*(\+[a-z0-9]+)?$/i, 'must be an eSpeak NG voice such as en-us or de')
    .default('en-us'),
  NOTIFY_TARGET: z.string().min(1).optional(),
  // Speech recognition for listen nodes (Azure AI Speech, short audio): a region and key, or an endpoint.
  SPEECH_REGION: z
    .string()
    .regex(/^[a-z0-9]+$/, 'must be an Azure region name such as westeurope')
    .optional(),
  SPEECH_KEY: z.string().min(1).optional(),
  SPEECH_ENDPOINT: url().optional(),
  SPEECH_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale such as en-US')
    .default('en-US'),
  // Calls to phone numbers leave from a Teams resource account (an application instance with a number).
  PSTN_RESOURCE_ACCOUNT_ID: guid().optional(),
  PSTN_RESOURCE_ACCOUNT_NAME: z.string().min(1).default('Switchboard'),
});

type Parsed = z.infer<typeof schema>;
export type Config = Readonly<Omit<Parsed, 'TENANT_ALLOWLIST'>> & {
  readonly TENANT_ALLOWLIST?: readonly string[];
  /** PUBLIC_URL without a trailing slash; http://localhost:PORT in local mode when unset. */
  readonly publicUrl: string;
};
export const CONFIG_KEYS = Object.keys(schema.shape) as ReadonlyArray<keyof Parsed>;
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  'MicrosoftAppPassword',
  'DATABASE_URL',
  'SPEECH_KEY',
]);

/** Reads and validates the configuration once; the result is frozen. Throws AppError('config_invalid') naming the variable. */
export function readConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // An empty variable means "not set", as in most .env tooling.
  const input = Object.fromEntries(CONFIG_KEYS.map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? 'configuration');
    const got = input[key];
    const shown = got === undefined || SECRET_KEYS.has(key) ? '' : ` (got "${got}")`;
    throw configError(key, `${issue?.message ?? 'is invalid'}${shown}`);
  }
  const c = parsed.data;
  if (c.SWITCHBOARD_MODE === 'teams') {
    for (const key of [
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'MicrosoftAppTenantId',
      'PUBLIC_URL',
    ] as const) {
      if (!c[key])
        throw configError(
          key,
          'is required in teams mode (or set SWITCHBOARD_MODE=local to use the emulator)',
        );
    }
    if (!c.PUBLIC_URL?.startsWith('https://')) {
      throw configError(
        'PUBLIC_URL',
        'must be https:// in teams mode: Teams and Graph only call https endpoints',
      );
    }
  }
  if ((c.SPEECH_REGION || c.SPEECH_ENDPOINT) && !c.SPEECH_KEY)
    throw configError(
      'SPEECH_KEY',
      "is required with SPEECH_REGION or SPEECH_ENDPOINT (the Speech resource's key)",
    );
  if (c.SPEECH_KEY && !c.SPEECH_REGION && !c.SPEECH_ENDPOINT)
    throw configError(
      'SPEECH_REGION',
      'or SPEECH_ENDPOINT is required with SPEECH_KEY (where the Speech resource is)',
    );
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    ...c,
    publicUrl,
    TENANT_ALLOWLIST: c.TENANT_ALLOWLIST && Object.freeze([...c.TENANT_ALLOWLIST]),
  });
}

/** A port variable besides PORT (EMULATOR_PORT), checked the way PORT is; empty or unset is `fallback`. */
export function readPortVariable(
  env: Readonly<Record<string, string | undefined>>,
  key: string,
  fallback: number,
): number {
  const raw = env[key];
  const parsed = port.default(fallback).safeParse(raw === '' ? undefined : raw);
  if (!parsed.success)
    throw configError(key, `${parsed.error.issues[0]?.message ?? 'is invalid'} (got "${raw}")`);
  return parsed.data;
}

function configError(key: string, what: string): AppError {
  return new AppError('config_invalid', `${key} ${what}`, { key });
}

/** Each variable's value (secrets redacted) and where it came from, for the startup log. */
export function describeConfig(
  config: Config,
  sources: Readonly<Record<string, string>>,
): Record<string, { value: unknown; source: string }> {
  const out: Record<string, { value: unknown; source: string }> = {};
  for (const key of CONFIG_KEYS) {
    const value = config[key];
    out[key] = {
      value: value === undefined ? undefined : SECRET_KEYS.has(key) ? '[redacted]' : value,
      source: sources[key] ?? (value === undefined ? 'unset' : 'default'),
    };
  }
  return out;
}

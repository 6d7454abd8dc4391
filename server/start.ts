// `npm start`: with no credentials configured, runs local mode — the emulator beside the app — and
// prints what runs where. With MicrosoftAppId configured (and SWITCHBOARD_MODE not "local") it runs the
// app alone against Microsoft.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadEnvironment } from './env-file';
import { run } from './run';

interface EmulatorReady {
  port: number;
  url: string;
  httpUrl: string;
  caPath: string;
  tenantId: string;
  appId: string;
}

const root = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const { env, sources } = loadEnvironment(process.cwd(), process.env);
  const local = env.SWITCHBOARD_MODE === 'local' || (!env.MicrosoftAppId && env.SWITCHBOARD_MODE !== 'teams');
  if (!local) {
    await run(env, sources);
    return;
  }
  const port = Number(env.PORT ?? 3978);
  const emulatorPort = Number(env.EMULATOR_PORT ?? 3979);
  const { child, ready } = await startEmulator(emulatorPort, `http://127.0.0.1:${port}/api/calls`);
  const seedPath = path.resolve(env.EMULATOR_SEED ?? path.join(root, 'emulator', 'seed', 'tenant.json'));
  const localEnv: Record<string, string | undefined> = {
    ...env,
    SWITCHBOARD_MODE: 'local',
    MicrosoftAppId: ready.appId,
    MicrosoftAppPassword: appSecret(seedPath, ready.appId),
    MicrosoftAppTenantId: ready.tenantId,
    GRAPH_BASE_URL: `${ready.url}/v1.0`,
    ENTRA_AUTHORITY_HOST: ready.url,
    CALLING_OPENID_CONFIG_URL: `${ready.url}/calling/v1/.well-known/OpenIdConfiguration`,
    EXTRA_CA_FILE: ready.caPath,
    // Local mode answers incoming calls with the shipped front desk and menus unless told otherwise.
    FRONTDESK_CONFIG: env.FRONTDESK_CONFIG ?? path.join(root, 'config', 'frontdesk.yaml'),
    IVR_DIR: env.IVR_DIR ?? path.join(root, 'config', 'ivr'),
    // Phone calls leave from the emulator's resource account bound to this app, if the seed has one.
    ...pstnAccount(env, seedPath, ready.appId),
  };
  const localSources = { ...sources };
  for (const k of [
    'SWITCHBOARD_MODE',
    'MicrosoftAppId',
    'MicrosoftAppPassword',
    'MicrosoftAppTenantId',
    'GRAPH_BASE_URL',
    'ENTRA_AUTHORITY_HOST',
    'CALLING_OPENID_CONFIG_URL',
    'EXTRA_CA_FILE',
  ]) {
    localSources[k] = 'local mode (emulator)';
  }
  for (const k of ['FRONTDESK_CONFIG', 'IVR_DIR']) localSources[k] ??= 'local mode (shipped default)';
  for (const k of ['PSTN_RESOURCE_ACCOUNT_ID', 'PSTN_RESOURCE_ACCOUNT_NAME'] as const) {
    if (localEnv[k] !== undefined) localSources[k] ??= 'local mode (emulator seed)';
  }
  const stopEmulator = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const running = await run(localEnv, localSources, stopEmulator);
  const e = ready.httpUrl.replace('127.0.0.1', 'localhost');
  process.stdout.write(
    [
      '',
      'Switchboard is running in local mode (no Microsoft tenant needed):',
      `  app                 ${running.url}   (health: ${running.url}/healthz)`,
      `  emulator (Graph)    ${ready.url}   (tenant ${ready.tenantId})`,
      `  softphone           ${e}/softphone   (be one of the simulated people)`,
      `  tab in Teams host   ${e}/host`,
      `  control API         ${e}/emulator/calls   (see emulator/CONTROL.md)`,
      '  chat with the bot   npm run playground   (then open http://localhost:56150 and type "help")',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

function startEmulator(
  port: number,
  appWebhook: string,
): Promise<{ child: ChildProcess; ready: EmulatorReady }> {
  const entry = path.join(root, 'dist', 'emulator', 'main.js');
  if (!existsSync(entry))
    throw new Error(`the emulator is not built (${entry} is missing); run npm run build`);
  const child = spawn(process.execPath, [entry], {
    cwd: process.cwd(),
    env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_APP_WEBHOOK: appWebhook },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the emulator did not become ready within 30 s')),
      30_000,
    );
    child.once('exit', (code) => reject(new Error(`the emulator exited early (code ${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const parsed = tryJson(line);
      if (parsed && parsed.emulator === 'ready') {
        clearTimeout(timer);
        resolve({ child, ready: parsed as unknown as EmulatorReady });
      } else if (process.env.EMULATOR_LOG !== 'off') {
        process.stdout.write(`[emulator] ${line}\n`);
      }
    });
  });
}

function appSecret(seedPath: string, appId: string): string {
  const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as {
    apps?: Array<{ appId: string; secrets?: string[] }>;
  };
  const secret = seed.apps?.find((a) => a.appId === appId)?.secrets?.[0];
  if (!secret) throw new Error(`the emulator seed ${seedPath} has no secret for app ${appId}`);
  return secret;
}

function pstnAccount(
  env: Record<string, string | undefined>,
  seedPath: string,
  appId: string,
): Record<string, string> {
  if (env.PSTN_RESOURCE_ACCOUNT_ID) return {};
  const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as {
    resourceAccounts?: Array<{ id: string; appId: string; displayName?: string }>;
  };
  const account = seed.resourceAccounts?.find((r) => r.appId.toLowerCase() === appId.toLowerCase());
  if (!account) return {};
  return {
    PSTN_RESOURCE_ACCOUNT_ID: account.id,
    ...(env.PSTN_RESOURCE_ACCOUNT_NAME || !account.displayName
      ? {}
      : { PSTN_RESOURCE_ACCOUNT_NAME: account.displayName }),
  };
}

function tryJson(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`switchboard: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

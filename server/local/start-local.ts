// Local mode: the emulator as a child process, then the app against it. Everything is checked before the
// emulator starts (configuration, both ports), and a failure after it started stops it again. The app's
// modules (../run) load only once the emulator is spawned, so both start side by side: this file and
// what it imports stay clear of calling/, bot/ and store/ (test/unit/server/start-imports.test.ts).
import { AppError } from '../app-error';
import { readConfig } from '../config';
import { ensurePortFree, loopbackUrl } from '../ports';
import type { Running } from '../run';
import { localBanner } from './banner';
import { startEmulatorProcess } from './emulator-process';
import { localEnvironment } from './local-env';
import { PROJECT_ROOT } from './paths';

type Env = Readonly<Record<string, string | undefined>>;

/** Starts the emulator and the app; resolves once both listen and the addresses are printed. */
export async function startLocal(env: Env, sources: Readonly<Record<string, string>>): Promise<Running> {
  const config = readConfig({ ...env, SWITCHBOARD_MODE: 'local' });
  if (config.PORT === 0)
    throw new AppError(
      'config_invalid',
      'PORT must be a fixed port in local mode (got "0"): the emulator needs the app\'s address before the app starts',
      { key: 'PORT' },
    );
  const emulatorPort = config.EMULATOR_PORT;
  const emulatorHost = env.EMULATOR_HOST || '127.0.0.1';
  await ensurePortFree(config.PORT, config.HOST, 'PORT', 'another Switchboard');
  if (emulatorPort !== 0)
    await ensurePortFree(emulatorPort, emulatorHost, 'EMULATOR_PORT', 'another Switchboard emulator');

  const tabUrl = `${config.publicUrl}/tab/`;
  const [started, loaded] = await Promise.allSettled([
    startEmulatorProcess({
      ...definedOnly(env),
      EMULATOR_PORT: String(emulatorPort),
      // New incoming calls are announced to this app, and the Teams host page frames its tab.
      EMULATOR_APP_WEBHOOK: `${loopbackUrl(config.HOST, config.PORT)}/api/calls`,
      EMULATOR_TAB_URL: tabUrl,
    }),
    // Loads while the emulator starts (it is already spawned, in its own process).
    import('../run.js'),
  ]);
  if (started.status === 'rejected') throw started.reason;
  const emulator = started.value;
  try {
    if (loaded.status === 'rejected') throw loaded.reason;
    const { run } = loaded.value;
    const local = localEnvironment(env, sources, emulator.ready, PROJECT_ROOT);
    const running = await run(local.env, local.sources, emulator.stop);
    process.stdout.write(
      localBanner({
        appUrl: running.config.publicUrl,
        tabUrl,
        emulatorUrl: emulator.ready.url,
        emulatorHttpUrl: emulator.ready.httpUrl,
        tenantId: emulator.ready.tenantId,
      }),
    );
    return running;
  } catch (err) {
    await emulator.stop();
    throw err;
  }
}

function definedOnly(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

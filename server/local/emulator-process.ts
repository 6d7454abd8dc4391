// The emulator as a child of `npm start`. It gets an IPC channel, which the kernel closes however this
// process ends; the emulator stops when it closes (emulator/parent-link.ts), so it never outlives us.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { EMULATOR_ENTRY, emulatorNodeArgs } from './paths';

/** The emulator's "ready" line. */
export interface EmulatorReady {
  readonly port: number;
  readonly url: string;
  readonly httpUrl: string;
  readonly caPath: string;
  readonly tenantId: string;
  readonly appId: string;
}

export interface EmulatorProcess {
  readonly ready: EmulatorReady;
  readonly pid: number | undefined;
  /** Asks the emulator to stop (SIGTERM, then SIGKILL after 3 s) and resolves once it has exited. */
  stop(): Promise<void>;
}

const READY_WITHIN_MS = 30_000;
const KILL_AFTER_MS = 3_000;

function readyLine(line: string): EmulatorReady | undefined {
  if (!line.startsWith('{"emulator":"ready"')) return undefined;
  try {
    return JSON.parse(line) as EmulatorReady;
  } catch {
    // Not the ready line after all: it is shown like any other line.
    return undefined;
  }
}

/** Starts the emulator with `env` and resolves once it accepts requests; stops it again if it does not. */
export function startEmulatorProcess(env: Readonly<Record<string, string>>): Promise<EmulatorProcess> {
  if (!existsSync(EMULATOR_ENTRY))
    return Promise.reject(
      new Error(`the emulator is not built (${EMULATOR_ENTRY} is missing); run npm run build`),
    );
  const child = spawn(process.execPath, [...emulatorNodeArgs(), EMULATOR_ENTRY], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  // The channel only signals our end; it must not keep this process alive.
  child.channel?.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    await exited;
    clearTimeout(force);
  };
  // Whatever path ends this process (process.exit included), the emulator is told at once.
  const onExit = (): void => void child.kill('SIGTERM');
  process.once('exit', onExit);
  // `exited` only ever resolves.
  exited.then(
    () => process.off('exit', onExit),
    () => undefined,
  );

  return new Promise((resolve, reject) => {
    let ready: EmulatorReady | undefined;
    const fail = (err: Error): void => {
      if (ready) return;
      clearTimeout(timer);
      stop().then(
        () => reject(err),
        (stopErr: unknown) =>
          reject(new Error(`${err.message}; stopping the emulator failed too: ${String(stopErr)}`)),
      );
    };
    const timer = setTimeout(
      () => fail(new Error(`the emulator did not become ready within ${READY_WITHIN_MS / 1000} s`)),
      READY_WITHIN_MS,
    );
    child.on('error', (err) => fail(new Error(`the emulator could not be started: ${err.message}`)));
    child.once('exit', (code, signal) =>
      fail(new Error(`the emulator exited early (${signal ?? `code ${code}`}); its reason is above`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!ready && (ready = readyLine(line))) {
        clearTimeout(timer);
        resolve({ ready, pid: child.pid, stop });
      } else if (env.EMULATOR_LOG !== 'off') {
        process.stdout.write(`[emulator] ${line}\n`);
      }
    });
  });
}

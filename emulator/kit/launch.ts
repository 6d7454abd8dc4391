// Starts the emulator as a child process and waits for the one JSON line it prints when ready. From
// the TypeScript sources (a test run through tsx) it runs main.ts with tsx's loader; from a build it
// runs main.js next to this folder, so the same kit works in this repository and from a package.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

/** What the emulator announces on its ready line. */
export interface ReadyLine {
  readonly port: number;
  readonly url: string;
  readonly httpUrl: string;
  readonly caPath: string;
  readonly tenantId: string;
  readonly appId: string;
}

export interface Launched {
  readonly child: ChildProcess;
  readonly ready: ReadyLine;
  /** stderr lines so far (kept for failure messages; the emulator never logs media). */
  readonly stderr: string[];
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>;
}

function entryArgs(): string[] {
  const js = path.join(__dirname, '..', 'main.js');
  if (existsSync(js)) return [js];
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  return ['--import', tsx, path.join(__dirname, '..', 'main.ts')];
}

/** Spawns the emulator with `env` and resolves with its ready line, or rejects with its stderr. */
export function launch(env: Record<string, string>, timeoutMs: number): Promise<Launched> {
  const child = spawn(process.execPath, entryArgs(), {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      reject(new Error(`${why}\n${stderr.join('\n')}`));
    };
    const timer = setTimeout(() => fail(`the emulator was not ready within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (err) => fail(`the emulator could not start: ${err.message}`));
    const early = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(`the emulator exited (${signal ?? `code ${code}`}) before it was ready`);
    child.once('exit', early);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.includes('"emulator":"ready"')) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve({ child, ready: JSON.parse(line) as ReadyLine, stderr, exited });
    });
  });
}

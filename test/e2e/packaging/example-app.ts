// The echo bot example as a user gets it: its folder copied out of the repository, its two
// @switchboard dependencies pointed at the packed tarballs, installed, and run with node.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { installDeclared, userEnv } from './npm';

const EXAMPLE_DIR = path.resolve(__dirname, '..', '..', '..', 'examples', 'echo-calling');

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** Copies the example into `dest` (outside the repository) and installs it from the tarballs. */
export async function installExample(
  dest: string,
  tarballs: { calling: string; emulator: string },
): Promise<void> {
  await cp(EXAMPLE_DIR, dest, {
    recursive: true,
    filter: (src) => !src.split(path.sep).includes('node_modules'),
  });
  const file = path.join(dest, 'package.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
  if (!manifest.dependencies['@switchboard/calling'] || !manifest.devDependencies['@switchboard/emulator'])
    throw new Error('the example must depend on @switchboard/calling and, for development, the emulator');
  manifest.dependencies['@switchboard/calling'] = `file:${tarballs.calling}`;
  manifest.devDependencies['@switchboard/emulator'] = `file:${tarballs.emulator}`;
  await writeFile(file, JSON.stringify(manifest, null, 2));
  await installDeclared(dest);
}

export interface RunningExample {
  readonly child: ChildProcess;
  readonly output: string[];
  stop(): Promise<void>;
}

/** Starts `node index.mjs` in `dir` with `env`; resolves once it logs that it listens. */
export function startExample(
  dir: string,
  env: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<RunningExample> {
  const child = spawn(process.execPath, ['index.mjs'], {
    cwd: dir,
    env: userEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  createInterface({ input: child.stderr! }).on('line', (l) => output.push(l));
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${why}\n${output.join('\n')}`)));
    };
    const timer = setTimeout(() => fail(`the example did not listen within ${timeoutMs} ms`), timeoutMs);
    const early = (code: number | null): void => fail(`the example exited (${code}) before it listened`);
    child.once('exit', early);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      if (!line.includes('echo bot listening')) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve({ child, output, stop });
    });
  });
}

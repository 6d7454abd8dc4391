import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ChildConfig } from '../../helpers/store-child';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'test/helpers/store-child.ts');

/** A store-child process under the test's control. */
export interface StoreChild {
  /** Resolves when the child prints the given line (or `result ...` for 'result'). */
  line(expected: 'ready' | 'locked'): Promise<void>;
  go(): void;
  /** The parsed `result` line; rejects if the child fails. */
  result<T>(): Promise<T>;
  kill(): Promise<void>;
}

/** Starts test/helpers/store-child.ts with tsx in a separate Node process. */
export function startChild(config: ChildConfig): StoreChild {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(config)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const seen = new Set<string>();
  const waiters = new Map<string, () => void>();
  let resultLine: string | undefined;
  createInterface({ input: child.stdout! }).on('line', (text) => {
    if (text.startsWith('result ')) resultLine = text.slice('result '.length);
    seen.add(text);
    waiters.get(text)?.();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const failure = (what: string) => new Error(`${config.label}: ${what}\n${stderr}`);

  return {
    line(expected) {
      if (seen.has(expected)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiters.set(expected, resolve);
        void exited.then((code) => reject(failure(`exited (${code}) before printing ${expected}`)));
      });
    },
    go() {
      child.stdin?.write('go\n');
    },
    async result<T>() {
      const code = await exited;
      if (code !== 0 || resultLine === undefined) throw failure(`exited with ${code}`);
      return JSON.parse(resultLine) as T;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

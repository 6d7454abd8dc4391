// The processes and loopback stand-ins a benchmark runs against. The app's log goes to a file, as it
// would to a log collector: a pipe read by the (busy) benchmark process would slow both sides down.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..');
const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;

export interface LoggedProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  /** The first log line that matches, parsed as JSON (polls the file). */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Every log line so far. */
  lines(): string[];
  /** SIGTERM, then resolves when the process has exited. */
  stop(): Promise<void>;
}

export interface Pinning {
  /** The CPU the servers run on, and the one the benchmark's own process (the load generator) runs on. */
  readonly serverCpu: number;
  readonly benchCpu: number;
}

/**
 * Pins this process to one CPU and returns where servers should go, unless the machine has a single CPU,
 * taskset is missing or `disabled`. On a small machine the scheduler otherwise moves the server and the
 * load generator between CPUs as it likes: on 2 cores one comparison gave ratios from 0.60 to 0.96 across
 * unpinned runs, and 0.72-0.73 in three pinned runs of the same code.
 */
export function pinCpus(disabled: boolean): Pinning | undefined {
  if (disabled || os.cpus().length < 2) return undefined;
  try {
    execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return { serverCpu: os.cpus().length - 1, benchCpu: 0 };
}

/** Runs a TypeScript entry of this repo in its own Node process, stdout and stderr appended to logFile. */
export function spawnLogged(
  entry: string,
  env: Record<string, string>,
  logFile: string,
  nodeArgs: readonly string[] = [],
  cpu?: number,
): LoggedProcess {
  const fd = openSync(logFile, 'a');
  const argv = [...nodeArgs, '--import', TSX_LOADER, path.join(ROOT, entry)];
  // taskset execs Node in its own place, so the child's pid is the server's (its CPU time is read by pid).
  const [file, args] =
    cpu === undefined
      ? [process.execPath, argv]
      : ['taskset', ['-c', String(cpu), process.execPath, ...argv]];
  const child = spawn(file, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const lines = () => readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
  return {
    child,
    logFile,
    lines,
    async waitForLine(match, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = lines().find(match);
        if (line) return JSON.parse(line) as Record<string, unknown>;
        if (gone || Date.now() > deadline) {
          throw new Error(
            `${entry}: no matching line (${gone ? 'exited' : 'timeout'}):\n${lines().join('\n')}`,
          );
        }
        await sleep(50);
      }
    },
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface RefusingSink {
  /** An https URL on loopback whose every connection is cut at once (before any TLS handshake). */
  readonly url: string;
  /** How many connections were attempted. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A loopback address that refuses service: the app's Graph and Entra URLs point here, so no request can
 * leave the machine and any attempt is counted (the benchmark reports it; it should stay 0).
 */
export async function startRefusingSink(): Promise<RefusingSink> {
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    connections: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

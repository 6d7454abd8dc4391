// Processes and ports as the smoke test sees them: every process whose working directory or command
// line lies under a folder (read from /proc), and whether a port can still be bound.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Proc {
  pid: number;
  argv: string[];
  cwd: string;
}

function read(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return undefined; // ended, not yet reaped
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, argv, cwd: readlinkSync(`/proc/${pid}/cwd`) };
  } catch {
    return undefined; // gone while we looked, or not ours to read: either way not one of the clone's
  }
}

/** Live processes (other than this one and its parent) running in `dir` or naming a path under it. */
export function processesUnder(dir: string): Proc[] {
  const inside = (s: string): boolean => s === dir || s.startsWith(`${dir}/`);
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid && Number(name) !== process.ppid)
    .map((name) => read(Number(name)))
    .filter(
      (p): p is Proc => p !== undefined && (inside(p.cwd) || p.argv.some((a) => a.includes(`${dir}/`))),
    );
}

/** Node processes among `procs` whose script (first argument not an option) ends with `script`. */
export function nodeRunning(procs: readonly Proc[], script: string): Proc[] {
  return procs.filter((p) => {
    if (!/(^|\/)node$/.test(p.argv[0] ?? '')) return false;
    return (
      p.argv
        .slice(1)
        .find((a) => !a.startsWith('-'))
        ?.endsWith(script) ?? false
    );
  });
}

/** Whether nothing listens on the port: it can be bound on every address, as `npm start` would need. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** A port nothing listens on, from the system's free ones. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export const describe = (p: Proc): string => `${p.pid} ${p.argv.join(' ')}`;

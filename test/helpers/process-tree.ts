// What a test needs to prove that nothing was left behind: processes found by a marker in their
// environment (children inherit it, orphans keep it), liveness that counts a zombie as gone, and ports
// that can be bound again. Linux only (reads /proc).
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A live process: its pid and command line. */
export interface ProcessInfo {
  readonly pid: number;
  readonly cmdline: string;
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch (err) {
    // The process ended between listing and reading, or belongs to someone else.
    if (['ENOENT', 'ESRCH', 'EACCES', 'EPERM'].includes((err as NodeJS.ErrnoException).code ?? ''))
      return undefined;
    throw err;
  }
}

/** Whether the process runs; a zombie (exited, not yet reaped by its new parent) counts as gone. */
export function isAlive(pid: number): boolean {
  const stat = readProc(pid, 'stat');
  if (stat === undefined) return false;
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

/** Every live process whose environment holds `name=value`. */
export function processesWithEnv(name: string, value: string): ProcessInfo[] {
  const wanted = `${name}=${value}`;
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const environ = readProc(pid, 'environ');
    if (!environ?.split('\0').includes(wanted) || !isAlive(pid)) continue;
    found.push({ pid, cmdline: (readProc(pid, 'cmdline') ?? '').split('\0').join(' ').trim() });
  }
  return found;
}

/** Whether a new listener could take host:port now. */
export function canBind(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EADDRINUSE' ? resolve(false) : reject(err),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Polls `check` until it holds; resolves with the milliseconds it took, rejects after `withinMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  withinMs: number,
  what: string,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

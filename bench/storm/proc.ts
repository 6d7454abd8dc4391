// A process's CPU time and resident memory, from Linux /proc.
import { readFileSync } from 'node:fs';
import os from 'node:os';

// USER_HZ is 100 on every Linux Node supports in practice; /proc reports times in those ticks.
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds the process has used so far (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident set size in KB (VmRSS of /proc/<pid>/status). */
export function rssKB(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** Sums a reading over several processes (the app's instances). */
export const total = (pids: readonly number[], read: (pid: number) => number): number =>
  pids.reduce((sum, pid) => sum + read(pid), 0);

/** What the report says about the machine. */
export function machine(): {
  cpus: number;
  model: string;
  memoryGB: number;
  node: string;
  loadAverage: number[];
} {
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

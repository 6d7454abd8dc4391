// Command line for scripts/smoke.sh over procs.ts.
//   procs-cli.ts ports <port> <port>      the ports if both are free, else two free ports; exit 1 if taken
//   procs-cli.ts free <port>...           exit 0 if every port is free
//   procs-cli.ts find <dir> <script>      pid of each node process under <dir> running <script>
//   procs-cli.ts stop <signal> <target> <seconds> <dir> <port>... [--pid <pid>]
//     sends <signal> to <target> (-pgid, a pid, or "all": every process under <dir>), then waits until
//     no process is left under <dir> (or, with --pid, that process alone is gone) and the ports are free;
//     prints how long it took or what was left, exit 1 when it ran out of time
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, freePort, nodeRunning, portFree, processesUnder } from './procs';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

function send(signal: string, target: string, dir: string): void {
  const pids = target === 'all' ? processesUnder(dir).map((p) => p.pid) : [Number(target)];
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err; // already gone is what we want
    }
  }
}

async function stop(args: string[]): Promise<number> {
  const pidAt = args.indexOf('--pid');
  const watched = pidAt >= 0 ? Number(args[pidAt + 1]) : undefined;
  const [signal, target, seconds, dir, ...ports] = pidAt >= 0 ? args.slice(0, pidAt) : args;
  if (!signal || !target || !seconds || !dir)
    throw new Error('usage: stop <signal> <target> <seconds> <dir> <port>...');
  const started = Date.now();
  send(signal.startsWith('SIG') ? signal : `SIG${signal}`, target, dir);
  for (;;) {
    const procs = processesUnder(dir);
    const left = watched === undefined ? procs : procs.filter((p) => p.pid === watched);
    const busy = [];
    for (const port of ports) if (!(await portFree(Number(port)))) busy.push(port);
    const took = ((Date.now() - started) / 1000).toFixed(1);
    if (left.length === 0 && busy.length === 0) {
      out(took);
      return 0;
    }
    if (Date.now() - started > Number(seconds) * 1000) {
      out(
        `after ${took} s still running: ${left.map(describe).join('; ') || 'nothing'}; ports in use: ${busy.join(', ') || 'none'}`,
      );
      return 1;
    }
    await sleep(100);
  }
}

async function main([what, ...args]: string[]): Promise<number> {
  if (what === 'ports') {
    const [a, b] = args.map(Number);
    if (a === undefined || b === undefined) throw new Error('usage: ports <port> <port>');
    if ((await portFree(a)) && (await portFree(b))) {
      out(`${a} ${b}`);
      return 0;
    }
    const first = await freePort();
    let second = await freePort();
    while (second === first) second = await freePort();
    out(`${first} ${second}`);
    return 1;
  }
  if (what === 'free') {
    for (const port of args) if (!(await portFree(Number(port)))) return 1;
    return 0;
  }
  if (what === 'find') {
    const [dir, script] = args;
    if (!dir || !script) throw new Error('usage: find <dir> <script>');
    for (const p of nodeRunning(processesUnder(dir), script)) out(String(p.pid));
    return 0;
  }
  if (what === 'stop') return stop(args);
  throw new Error(`unknown command "${what}"`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`smoke: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);

// The call storm: --calls simulated callers dial the app within about a second and walk the shipped
// menu (keys every 1-3 s, some hanging up early) for --seconds; a reflex responder registered as a
// second app takes the same load in interleaved rounds (app, reflex, app, ...) and stands for the limit
// of the emulator and the machine. Reaction times are measured on the emulator's side (see
// emulator/reactions). Targets, reported and not asserted: every call answered; p99 <= 2x the reflex
// p99 at 200 calls on one instance, <= 3x at 1000 calls on two instances sharing PostgreSQL with no
// duplicates; RSS (and heap kept) <= 16 KB per live call.
// Run: npx tsx bench/call-storm.ts [--calls 200] [--seconds 60] [--instances 1|2] [--db sqlite|postgres]
//      [--seed N] [--rounds 2] [--warmup-seconds 8] [--log-level info] [--cpu-prof <dir>] [--out <file>]
//      [--keep] [--mode ivr|queue] [--agents 3] [--heap-calls 50,200 | 0]
// After the rounds, one instance only: the heap kept per live call, from heap snapshots of the app at
// two numbers of calls held in the menu (bench/storm/heap-phase.ts); --heap-calls 0 skips it.
// --mode queue: callers choose the support queue faster than --agents agents can take them; waiting
// times, what became of each caller and the agents' rings are reported (bench/storm/queue-run.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runQueueStorm } from './storm/queue-run';
import { runStorm } from './storm/run';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const say = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  const calls = Number(arg('calls', '200'));
  const seconds = Number(arg('seconds', '60'));
  const instances = Number(arg('instances', '1'));
  const db = arg('db', instances > 1 ? 'postgres' : 'sqlite');
  const seed = Number(arg('seed', String(Math.floor(Math.random() * 2 ** 31))));
  const rounds = Number(arg('rounds', '2'));
  const warmupSeconds = Number(arg('warmup-seconds', '8'));
  const out = path.resolve(arg('out', path.join(__dirname, 'results', 'call-storm.json')));
  const profileDir = process.argv.includes('--cpu-prof') ? arg('cpu-prof', 'profiles') : undefined;
  if (instances !== 1 && instances !== 2) throw new Error('--instances is 1 or 2');
  if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db is sqlite or postgres');
  if (instances > 1 && db !== 'postgres')
    throw new Error('two instances share a database: use --db postgres');
  if (!(calls >= 1 && seconds >= 5 && rounds >= 1 && Number.isInteger(seed) && warmupSeconds >= 0))
    throw new Error(
      '--calls >= 1, --seconds >= 5, --rounds >= 1, --warmup-seconds >= 0, --seed a whole number',
    );
  // The heap phase's live calls, low and high; 0 skips it.
  const [heapLow = 0, heapHigh = 0] = arg('heap-calls', '50,200').split(',').map(Number);
  const mode = arg('mode', 'ivr');
  if (mode !== 'ivr' && mode !== 'queue') throw new Error('--mode is ivr or queue');
  if (mode === 'queue') {
    const agents = Number(arg('agents', '3'));
    say(`call storm, queue mode: ${calls} callers for ${seconds} s, ${agents} agent(s)`);
    const q = await runQueueStorm(
      {
        calls,
        seconds,
        agents,
        instances,
        db,
        logLevel: arg('log-level', 'info'),
        keep: process.argv.includes('--keep'),
      },
      say,
    );
    const queueOut = path.resolve(arg('out', path.join(__dirname, 'results', 'call-storm-queue.json')));
    mkdirSync(path.dirname(queueOut), { recursive: true });
    writeFileSync(queueOut, `${JSON.stringify(q.full, null, 2)}\n`);
    say(JSON.stringify(q.line));
    return;
  }
  say(
    `call storm: ${calls} calls for ${seconds} s, ${instances} instance(s) on ${db}, ` +
      `${rounds} round(s) each, seed ${seed}`,
  );
  const result = await runStorm(
    {
      calls,
      seconds,
      instances,
      db,
      seed,
      rounds,
      warmupSeconds,
      logLevel: arg('log-level', 'info'),
      ...(profileDir ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] } : {}),
      keep: process.argv.includes('--keep'),
      ...(heapLow > 0 && heapHigh > heapLow ? { heap: { low: heapLow, high: heapHigh } } : {}),
    },
    say,
  );
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result.full, null, 2)}\n`);
  say(JSON.stringify(result.line));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `call storm failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});

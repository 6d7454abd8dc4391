// Step 4 of scripts/smoke.sh: finds the calls README's example placed (the `callId`s in what its
// commands printed) and judges each from the emulator's timeline, waiting up to a bound for the call
// to get there. Usage: call-check-cli.ts <control API base> <menu file> <printed output> <seconds>
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import YAML from 'yaml';
import { judgeCall, type TimelineEntry, type Verdict } from './judge-call';
import { menuPath, type MenuPath } from './menu-path';

interface Timeline {
  state?: string;
  value: TimelineEntry[];
}

async function timeline(base: string, callId: string): Promise<Timeline> {
  const res = await fetch(`${base}/calls/${encodeURIComponent(callId)}/timeline`);
  if (!res.ok)
    throw new Error(`GET ${base}/calls/${callId}/timeline answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Timeline;
}

/** Judges the call until it passes, or it has ended and gone quiet, or the bound runs out. */
async function watch(base: string, callId: string, menu: MenuPath, deadline: number): Promise<Verdict> {
  let quietSince = Date.now();
  let seen = -1;
  for (;;) {
    const t = await timeline(base, callId);
    const verdict = judgeCall(t.value, menu);
    if (verdict.problems.length === 0) return verdict;
    if (t.value.length !== seen) [seen, quietSince] = [t.value.length, Date.now()];
    const settled = t.state === 'terminated' && Date.now() - quietSince > 3000;
    if (settled || Date.now() > deadline) {
      const why = settled ? 'the call has ended' : 'the time ran out';
      return { ...verdict, facts: [...verdict.facts, `judged when ${why} (state ${t.state ?? '?'})`] };
    }
    await sleep(1000);
  }
}

async function main(argv: string[]): Promise<number> {
  const [base, menuFile, printed, seconds] = argv;
  if (!base || !menuFile || !printed || !seconds)
    throw new Error('usage: <base> <menu file> <printed> <seconds>');
  const menu = menuPath(YAML.parse(readFileSync(menuFile, 'utf8')));
  const ids = [
    ...new Set([...readFileSync(printed, 'utf8').matchAll(/"callId"\s*:\s*"([^"]+)"/g)].map((m) => m[1])),
  ];
  if (ids.length === 0) {
    process.stdout.write(
      "smoke:   ✗ README's example printed no callId: it placed no call the smoke can follow\n",
    );
    return 1;
  }
  const deadline = Date.now() + Number(seconds) * 1000;
  let failed = 0;
  for (const id of ids) {
    if (id === undefined) continue;
    const verdict = await watch(base, id, menu, deadline);
    process.stdout.write(`smoke:   call ${id}\n`);
    for (const f of verdict.facts) process.stdout.write(`smoke:     ${f}\n`);
    for (const p of verdict.problems) process.stdout.write(`smoke:   ✗ ${p}\n`);
    if (verdict.problems.length === 0)
      process.stdout.write('smoke:   ✓ answered, main menu played, key acted on\n');
    else failed++;
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`smoke: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

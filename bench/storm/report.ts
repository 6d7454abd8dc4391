// The storm's report: reaction percentiles per kind for the app and the reflex, answered calls, CPU per
// call-minute, memory per live call and duplicates, as a table and as the result JSON.
import type { ReactionSample } from '../../emulator/reactions';
import type { RoundResult } from './round';
import { median, percentiles, type Percentiles } from './stats';

const KINDS = ['incoming', 'established', 'tone'] as const;

export interface TargetSummary {
  readonly rounds: number;
  readonly placed: number;
  readonly answered: number;
  readonly reactions: Record<'all' | (typeof KINDS)[number], Percentiles>;
  /** Key presses (and other stimuli) no request answered, by why. */
  readonly missed: Record<string, number>;
  readonly duplicates: number;
  readonly cpuSecondsPerCallMinute: number;
  readonly rssPerCallKB: number;
  readonly peakLive: number;
  readonly leftOver: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

function reactions(samples: readonly ReactionSample[]): TargetSummary['reactions'] {
  const of = (kind?: string) =>
    percentiles(samples.filter((s) => kind === undefined || s.stimulus === kind).map((s) => s.ms));
  return { all: of(), incoming: of('incoming'), established: of('established'), tone: of('tone') };
}

/** Sums up the rounds of one target. */
export function summarise(rounds: readonly RoundResult[]): TargetSummary {
  const missed: Record<string, number> = {};
  for (const r of rounds)
    for (const m of r.missed) missed[`${m.stimulus} ${m.why}`] = (missed[`${m.stimulus} ${m.why}`] ?? 0) + 1;
  const cpu = rounds.reduce((a, r) => a + r.cpuSeconds, 0);
  const minutes = rounds.reduce((a, r) => a + r.callMinutes, 0);
  return {
    rounds: rounds.length,
    placed: rounds.reduce((a, r) => a + r.placed, 0),
    answered: rounds.reduce((a, r) => a + r.answered, 0),
    reactions: reactions(rounds.flatMap((r) => r.samples)),
    missed,
    duplicates: rounds.reduce((a, r) => a + r.duplicates.length, 0),
    cpuSecondsPerCallMinute: minutes > 0 ? Number((cpu / minutes).toFixed(4)) : NaN,
    rssPerCallKB: round1(median(rounds.map((r) => r.rssKB.slopePerCall))),
    peakLive: Math.max(...rounds.map((r) => r.peakLive)),
    leftOver: rounds.reduce((a, r) => a + r.leftOver, 0),
  };
}

/** One round of the app beside the reflex's round that followed it. */
export interface RoundPair {
  readonly p99Ms: number;
  readonly reflexP99Ms: number;
  readonly ratio: number;
}

/**
 * The ratio round by round: the app's k-th round against the reflex's k-th, which ran right after it.
 * The pooled ratio hides how far it moves between rounds of one build on a shared machine; the pairs
 * show it.
 */
export function roundPairs(rounds: readonly RoundResult[]): RoundPair[] {
  const app = rounds.filter((r) => r.target === 'app');
  const reflex = rounds.filter((r) => r.target === 'reflex');
  return app.slice(0, reflex.length).map((a, k) => {
    const p99Ms = percentiles(a.samples.map((s) => s.ms)).p99;
    const reflexP99Ms = percentiles(reflex[k]!.samples.map((s) => s.ms)).p99;
    return { p99Ms, reflexP99Ms, ratio: Number((p99Ms / reflexP99Ms).toFixed(2)) };
  });
}

/**
 * What the control says about the machine: a reflex that left calls unanswered shows the emulator and
 * the machine could not carry the load, so no ratio measured with it says anything about the app.
 */
export function controlNote(reflex: TargetSummary): string | undefined {
  if (reflex.answered >= reflex.placed) return undefined;
  return (
    `the reflex answered ${reflex.answered} of ${reflex.placed} calls: at this load the machine is the ` +
    'limit, and the ratio says nothing about the app'
  );
}

/** The table printed after a run. */
export function table(app: TargetSummary, reflex: TargetSummary, pairs: readonly RoundPair[]): string {
  const row = (name: string, p: Percentiles) =>
    `${name.padEnd(22)} ${String(p.n).padStart(7)} ${[p.p50, p.p95, p.p99, p.max].map((v) => String(Math.round(v)).padStart(7)).join(' ')}`;
  const lines = [
    `${'reaction (ms)'.padEnd(22)} ${'n'.padStart(7)} ${['p50', 'p95', 'p99', 'max'].map((h) => h.padStart(7)).join(' ')}`,
  ];
  for (const [name, s] of [
    ['app', app],
    ['reflex', reflex],
  ] as const) {
    for (const kind of ['all', ...KINDS] as const) lines.push(row(`${name} ${kind}`, s.reactions[kind]));
  }
  const facts = (name: string, s: TargetSummary) =>
    `${name}: answered ${s.answered}/${s.placed}, peak ${s.peakLive} live calls, ` +
    `CPU ${s.cpuSecondsPerCallMinute} s per call-minute, RSS ${s.rssPerCallKB} KB per live call, ` +
    `duplicates ${s.duplicates}, missed ${JSON.stringify(s.missed)}${s.leftOver ? `, ${s.leftOver} call(s) left over` : ''}`;
  lines.push(facts('app', app), facts('reflex', reflex));
  if (pairs.length > 0)
    lines.push(
      `p99 by round, app / reflex: ${pairs.map((p) => `${Math.round(p.p99Ms)} / ${Math.round(p.reflexP99Ms)} ms (${p.ratio})`).join(', ')}`,
    );
  const note = controlNote(reflex);
  if (note) lines.push(`warning: ${note}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The one-line JSON the run ends with: `calls` per round, `placed` and `answered` over the app's rounds
 * (all placed calls answered is the target), the pooled ratio and each round pair's, and whether the
 * control answered every call (false: the ratio says nothing about the app).
 */
export function verdict(
  calls: number,
  app: TargetSummary,
  reflex: TargetSummary,
  extra: Record<string, unknown>,
  pairs: readonly RoundPair[],
): Record<string, unknown> {
  const p99 = app.reactions.all.p99;
  const reflexP99 = reflex.reactions.all.p99;
  return {
    calls,
    placed: app.placed,
    answered: app.answered,
    reflexAnswered: reflex.answered,
    p99Ms: p99,
    reflexP99Ms: reflexP99,
    ratio: Number((p99 / reflexP99).toFixed(2)),
    roundRatios: pairs.map((p) => p.ratio),
    controlAnsweredAll: controlNote(reflex) === undefined,
    rssPerCallKB: app.rssPerCallKB,
    duplicates: app.duplicates,
    cpuSecondsPerCallMinute: app.cpuSecondsPerCallMinute,
    ...extra,
  };
}

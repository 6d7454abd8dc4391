// One round of the storm against one target (the app or the reflex): every caller gets this round's
// script, dials within about a second, walks the menu, and hangs up; meanwhile the target's memory and
// its live calls are sampled. The reactions come from the emulator afterwards.
import type { ReactionSample } from '../../emulator/reactions';
import { cpuSeconds, rssKB, total } from './proc';
import type { Stack } from './stack';
import { callMinutes, slope } from './stats';
import type { CallerScript } from './walk';

export interface RoundInput {
  readonly stack: Stack;
  readonly target: 'app' | 'reflex';
  readonly appId: string;
  readonly pids: readonly number[];
  readonly people: readonly string[];
  readonly scripts: readonly CallerScript[];
  readonly durationMs: number;
}

export interface RoundResult {
  readonly target: 'app' | 'reflex';
  readonly placed: number;
  readonly placeErrors: string[];
  readonly answered: number;
  readonly samples: ReactionSample[];
  readonly missed: { stimulus: string; why: string }[];
  readonly duplicates: unknown[];
  readonly pendingAtEnd: number;
  readonly cpuSeconds: number;
  readonly callMinutes: number;
  readonly peakLive: number;
  readonly rssKB: { before: number; peak: number; slopePerCall: number };
  readonly leftOver: number;
  /** How long placing every call took (about a second unless the emulator or the machine cannot keep up). */
  readonly dialMs: number;
  readonly wallMs: number;
}

const SAMPLE_MS = 250;
/** The RSS slope is fitted from before dialling to this long after the last call was placed. */
const RAMP_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs fn over items, at most `width` at a time. */
export async function pool<T, R>(
  items: readonly T[],
  width: number,
  fn: (t: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

export async function runRound(r: RoundInput): Promise<RoundResult> {
  const { control } = r.stack;
  await pool(r.people, 32, async (id, i) => {
    const res = await control('PUT', `/emulator/people/${id}/script`, r.scripts[i]);
    if (res.status !== 200) throw new Error(`script for ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  });
  await control('DELETE', '/emulator/reactions');
  const mem: { at: number; live: number; kb: number }[] = [];
  for (let i = 0; i < 4; i++) {
    mem.push({ at: Date.now(), live: 0, kb: total(r.pids, rssKB) });
    await sleep(SAMPLE_MS);
  }
  const cpuBefore = total(r.pids, cpuSeconds);
  const started = Date.now();
  const placeErrors: string[] = [];
  // Ten waves 100 ms apart: every caller has dialled within about a second.
  const waves = 10;
  for (let w = 0; w < waves; w++) {
    const wave = r.people.filter((_, i) => i % waves === w);
    await pool(wave, 64, async (id) => {
      const res = await control('POST', `/emulator/people/${id}/call`, { to: 'app', appId: r.appId });
      if (res.status !== 201) placeErrors.push(`${res.status} ${JSON.stringify(res.body)}`);
    });
    await sleep(Math.max(0, started + (w + 1) * 100 - Date.now()));
  }
  const dialled = Date.now();
  // The callers' scripts count from connecting: the last placed call lasts until durationMs after it.
  const deadline = dialled + r.durationMs + 60_000;
  let live = -1;
  while (Date.now() < deadline) {
    const counts = (await control<{ live: Record<string, number> }>('GET', '/emulator/reactions/counts'))
      .body;
    live = counts.live[r.appId] ?? 0;
    mem.push({ at: Date.now(), live, kb: total(r.pids, rssKB) });
    if (live === 0 && Date.now() > dialled + r.durationMs + 3000) break;
    await sleep(SAMPLE_MS);
  }
  const leftOver = live > 0 ? await hangUpLeftovers(r) : 0;
  const cpu = total(r.pids, cpuSeconds) - cpuBefore;
  const wallMs = Date.now() - started;
  await sleep(1000); // late reactions of the last calls
  const got = await control<{
    samples: ReactionSample[];
    missed: { stimulus: string; why: string }[];
    duplicates: unknown[];
    pending: unknown[];
  }>('GET', `/emulator/reactions?appId=${r.appId}`);
  const { samples, missed, duplicates, pending } = got.body;
  const answered = new Set(
    samples
      .filter((s) => s.stimulus === 'incoming' && s.action === 'answer' && s.status < 300)
      .map((s) => s.callId),
  ).size;
  const ramp = mem.filter((m) => m.at <= dialled + RAMP_MS);
  return {
    target: r.target,
    placed: r.people.length - placeErrors.length,
    placeErrors: placeErrors.slice(0, 5),
    answered,
    samples,
    missed,
    duplicates,
    pendingAtEnd: pending.length,
    cpuSeconds: cpu,
    callMinutes: callMinutes(mem),
    peakLive: Math.max(...mem.map((m) => m.live)),
    rssKB: {
      before: mem[0]!.kb,
      peak: Math.max(...mem.map((m) => m.kb)),
      slopePerCall: slope(ramp.map((m) => ({ x: m.live, y: m.kb }))),
    },
    leftOver,
    dialMs: dialled - started,
    wallMs,
  };
}

/** Calls still up after the deadline: the callers hang up (they count in the report). */
async function hangUpLeftovers(r: RoundInput): Promise<number> {
  const calls = (
    await r.stack.control<{ value: { id: string; state: string; appId?: string }[] }>(
      'GET',
      '/emulator/calls',
    )
  ).body;
  const mine = calls.value.filter((c) => c.state !== 'terminated' && (c.appId ?? r.appId) === r.appId);
  await pool(mine, 32, (c) => r.stack.control('POST', `/emulator/calls/${c.id}/hangup`, {}));
  return mine.length;
}

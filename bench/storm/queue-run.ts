// The storm's queue mode: callers dial within about a second and press the main menu's support key,
// which puts them in the `support` queue, faster than its agents (scripted to answer after a short ring,
// talk a few seconds and hang up, their presence Available) can take them. One round against the app
// only: how long callers wait is set by the agents, not by the machine, so there is no reflex control.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { machine } from './proc';
import { summariseQueue, type EmulatedCall, type QueueSummary } from './queue-calls';
import { pool, runRound } from './round';
import { startStack, type Stack } from './stack';

export interface QueueStormOptions {
  readonly calls: number;
  readonly seconds: number;
  /** How many of the queue's shipped agents take calls (the first ones listed). */
  readonly agents: number;
  readonly instances: 1 | 2;
  readonly db: 'sqlite' | 'postgres';
  readonly logLevel: string;
  readonly keep?: boolean;
}

export interface QueueStormResult {
  readonly line: Record<string, unknown>;
  readonly full: Record<string, unknown>;
  readonly queue: QueueSummary;
}

const ROOT = path.resolve(__dirname, '..', '..');
const QUEUE = 'support';
/** The shipped main menu's key for the support queue (config/ivr/main.yaml). */
const QUEUE_KEY = '2';
/** After the welcome prompt, which takes no keys. */
const KEY_AFTER_MS = 3500;
const AGENT = { onRing: 'answer', answerAfterMs: 1500, hangUpAfterMs: 4000 } as const;
/** The emulator lists live calls and at most this many ended ones. */
const LISTED_CALLS = 200;

/** The shipped queues file with only the first `agents` agents of the queue; their object ids. */
function queuesFor(dir: string, agents: number): { file: string; ids: string[] } {
  const queues = parse(readFileSync(path.join(ROOT, 'config', 'queues.yaml'), 'utf8')) as {
    queues: Record<string, { agents: string[] }>;
  };
  const desk = parse(readFileSync(path.join(ROOT, 'config', 'frontdesk.yaml'), 'utf8')) as {
    people: Record<string, { user: string }>;
  };
  const queue = queues.queues[QUEUE];
  if (!queue) throw new Error(`the shipped queues file has no '${QUEUE}' queue`);
  if (agents < 1 || agents > queue.agents.length)
    throw new Error(`--agents is 1 to ${queue.agents.length} (the ${QUEUE} queue's agents)`);
  queue.agents = queue.agents.slice(0, agents);
  const file = path.join(dir, 'queues.yaml');
  writeFileSync(file, stringify(queues));
  return { file, ids: queue.agents.map((name) => desk.people[name]?.user ?? name) };
}

async function readCalls(s: Stack): Promise<EmulatedCall[]> {
  const list = await s.control<{ value: Omit<EmulatedCall, 'timeline'>[] }>('GET', '/emulator/calls');
  return pool(list.body.value, 16, async (c) => {
    const t = await s.control<{ value: EmulatedCall['timeline'] }>('GET', `/emulator/calls/${c.id}/timeline`);
    return { ...c, timeline: t.body.value };
  });
}

export async function runQueueStorm(
  o: QueueStormOptions,
  say: (s: string) => void,
): Promise<QueueStormResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-storm-queue-'));
  let stack: Stack | undefined;
  try {
    const queues = queuesFor(dir, o.agents);
    stack = await startStack({ ...o, dir, queuesFile: queues.file });
    const s = stack;
    for (const id of queues.ids) {
      const scripted = await s.control('PUT', `/emulator/people/${id}/script`, AGENT);
      const available = await s.control('PUT', `/emulator/people/${id}/presence`, {
        availability: 'Available',
        activity: 'Available',
      });
      if (scripted.status !== 200 || available.status >= 300)
        throw new Error(`could not script agent ${id}: ${scripted.status}/${available.status}`);
    }
    const added = await s.control<{ value: { id: string }[] }>('POST', '/emulator/people', {
      count: o.calls,
      namePrefix: 'Queue caller',
    });
    if (added.status !== 201) throw new Error(`could not add callers: ${JSON.stringify(added.body)}`);
    const people = added.body.value.map((p) => p.id);
    const durationMs = o.seconds * 1000;
    const script = { onRing: 'answer' as const, keys: [{ afterMs: KEY_AFTER_MS, tones: QUEUE_KEY }] };
    const round = await runRound({
      stack: s,
      target: 'app',
      appId: s.appId,
      pids: s.appPids,
      people,
      scripts: people.map(() => ({ ...script, hangUpAfterMs: durationMs })),
      durationMs,
    });
    const calls = await readCalls(s);
    const ended = calls.filter((c) => c.endedAt !== null).length;
    if (ended >= LISTED_CALLS)
      say(`the emulator lists only ${LISTED_CALLS} ended calls: the figures cover those (use fewer --calls)`);
    const queue = summariseQueue(calls, new Set(people), new Set(queues.ids), QUEUE_KEY);
    say(queueTable(queue).trimEnd());
    const { calls: n, seconds, agents, instances, db } = o;
    const line = {
      mode: 'queue',
      calls: n,
      agents,
      seconds,
      placed: queue.placed,
      answered: round.answered,
      putThrough: queue.putThrough,
      toMessage: queue.toMessage,
      hungUpWaiting: queue.hungUpWaiting,
      neverJoined: queue.neverJoined,
      waitP50Ms: queue.waitMs.p50,
      waitP95Ms: queue.waitMs.p95,
      waitP99Ms: queue.waitMs.p99,
      waitMaxMs: queue.waitMs.max,
      ringsAnswered: queue.rings.answered,
      ringsDeclined: queue.rings.declined,
      ringsUnanswered: queue.rings.unanswered,
      overlappingRings: queue.overlappingRings,
      leftOver: round.leftOver,
      instances,
      db,
    };
    const full = {
      bench: 'call-storm',
      mode: 'queue',
      date: new Date().toISOString(),
      machine: machine(),
      settings: { calls: n, seconds, agents, instances, db, agentScript: AGENT, keyAfterMs: KEY_AFTER_MS },
      summary: line,
      queue,
      round: { ...round, samples: undefined, missed: undefined },
      targets: { overlappingRings: 0 },
    };
    return { line, full, queue };
  } finally {
    await stack?.stop();
    if (o.keep) say(`logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** The table printed after a queue run. */
export function queueTable(q: QueueSummary): string {
  const ms = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : '-');
  return [
    `callers ${q.placed}: put through ${q.putThrough}, message path ${q.toMessage}, ` +
      `hung up waiting ${q.hungUpWaiting}, never joined ${q.neverJoined}`,
    `wait (ms, key to agent answering) n ${q.waitMs.n} p50 ${ms(q.waitMs.p50)} p95 ${ms(q.waitMs.p95)} ` +
      `p99 ${ms(q.waitMs.p99)} max ${ms(q.waitMs.max)}`,
    `agent rings: answered ${q.rings.answered}, declined ${q.rings.declined}, unanswered ${q.rings.unanswered}; ` +
      `rung twice at once ${q.overlappingRings}`,
    '',
  ].join('\n');
}

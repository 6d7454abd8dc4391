// How many SQL statements and commits one notification of each kind costs on SQLite, from the webhook's
// accept to the end of the flow step it causes. The bounds are today's counts: a statement added to a hot
// path fails here, with the statements listed, before any benchmark would show it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InboundBatch } from '../../../../calling';
import { createCallingService, type CallingService } from '../../../../calling/core';
import { createFlowRuntime, type FlowEvent, type FlowRuntime } from '../../../../calling/flows/runtime';
import { openStore, type Store } from '../../../../store';
import {
  describeCount,
  installSqlCounter,
  startCounting,
  stopCounting,
  type SqlCount,
} from '../../../helpers/sql-count';
import { serviceOptions } from '../../../helpers/calling-service';
import {
  batch,
  callNote,
  eventually,
  fakeGraph,
  opNote,
  rosterNote,
  testLogger,
  type FakeGraph,
} from '../core/fakes';

// The first call builds the queries every later one reuses; the second is the one counted.
const WARM_UP = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CALL = '6b2c3d4e-5f60-4b7c-9d8e-0f1a2b3c4d5e';
const CALLER = { user: { id: 'c0ffee00-1111-4222-8333-444455556666', displayName: 'Adele Vance' } };
// Nothing periodic may run while a notification is counted.
const QUIET = 600_000;

interface Rig {
  readonly store: Store;
  readonly graph: FakeGraph;
  readonly calling: CallingService;
  readonly runtime: FlowRuntime;
  /** Accepts the batch and answers what ran until `done` holds and the work has settled. */
  count(b: InboundBatch, done: () => boolean): Promise<SqlCount>;
}

/** A call-bound flow that plays the menu for every key, as the IVR does. */
function keyToPrompt(state: unknown, event: FlowEvent, ctl: Parameters<FlowHandle>[2]): unknown {
  if (event.type === 'tone' && ctl.callId) {
    const callId = ctl.callId;
    ctl.spawn('prompt', () => ctl.calling.playPrompt(callId, ['menu']));
  }
  return state;
}
type FlowHandle = Parameters<FlowRuntime['register']>[0]['handle'];

async function rig(dir: string): Promise<Rig> {
  installSqlCounter();
  const store = await openStore({
    sqlitePath: path.join(dir, 'db.sqlite'),
    liveness: { heartbeatMs: QUIET },
  });
  const graph = fakeGraph();
  const calling = createCallingService(
    serviceOptions(store, graph, { timing: { jobPollMs: QUIET, sweepIntervalMs: QUIET } }),
  );
  const runtime = createFlowRuntime({
    calling,
    store,
    logger: testLogger(),
    sweepMs: QUIET,
    rescue: () => async () => undefined,
  });
  runtime.register({ kind: 'keys', handle: keyToPrompt });
  await calling.start();
  await runtime.start();
  return {
    store,
    graph,
    calling,
    runtime,
    async count(b, done) {
      startCounting();
      await calling.inbox.accept(b);
      await eventually(done);
      await runtime.idle();
      // The lease release and the flow's last commit follow the events that `done` watches.
      await new Promise((r) => setTimeout(r, 100));
      await runtime.idle();
      return stopCounting();
    },
  };
}

// The most statements (begin and commit aside), commits and queries built by Kysely (rather than run
// precompiled) each kind may cost, from accept to idle, once the process has seen a call.
const BOUNDS: Record<string, { queries: number; commits: number; built: number }> = {
  incoming: { queries: 9, commits: 4, built: 1 },
  established: { queries: 19, commits: 8, built: 0 },
  'tone → prompt': { queries: 24, commits: 9, built: 0 },
  'operation completed': { queries: 16, commits: 7, built: 0 },
  'participants updated': { queries: 9, commits: 4, built: 0 },
};

/** Walks call `CALL` through each kind of notification, counting each. */
async function walkCall(r: Rig, CALL: string): Promise<Record<string, SqlCount>> {
  const { calling, graph, runtime, count } = r;
  const seen: string[] = [];
  const offs = [
    calling.on('incoming', () => void seen.push('incoming')),
    calling.on('established', () => void seen.push('established')),
    calling.on('operationFinished', () => void seen.push('operation')),
    calling.on('participantsJoined', () => void seen.push('joined')),
  ];
  const prompts = graph.requests.filter((q) => q.method === 'playPrompt').length;
  const counts: Record<string, SqlCount> = {};
  counts['incoming'] = await count(
    batch(callNote(CALL, 'incoming', { direction: 'incoming', source: { identity: CALLER } }, 'created')),
    () => seen.includes('incoming'),
  );
  await runtime.begin(CALL, 'keys', {}, { callIds: [CALL] });
  counts['established'] = await count(batch(callNote(CALL, 'established')), () =>
    seen.includes('established'),
  );
  counts['tone → prompt'] = await count(
    batch(callNote(CALL, 'established', { toneInfo: { sequenceId: 1, tone: 'tone1' } })),
    () => graph.requests.filter((q) => q.method === 'playPrompt').length > prompts,
  );
  const [prompt] = await calling.operations(CALL);
  assert.ok(prompt?.graphId, 'the prompt was started');
  counts['operation completed'] = await count(batch(opNote(CALL, prompt.graphId, 'completed')), () =>
    seen.includes('operation'),
  );
  counts['participants updated'] = await count(
    batch(
      rosterNote(CALL, 'updated', [
        { id: 'p1', info: { identity: CALLER }, isInLobby: false, mediaStreams: [] },
      ]),
    ),
    () => seen.includes('joined'),
  );
  for (const off of offs) off();
  return counts;
}

describe('SQL statements per notification on SQLite (a call answered into a flow)', function () {
  this.timeout(20_000);
  let dir = '';
  let r: Rig | undefined;
  let counts: Record<string, SqlCount> = {};

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-count-'));
    r = await rig(dir);
    await walkCall(r, WARM_UP);
    counts = await walkCall(r, CALL);
    // SHOW_SQL=1 prints every statement of each kind, for finding the next one to cut.
    if (process.env['SHOW_SQL'])
      for (const [kind, c] of Object.entries(counts))
        process.stdout.write(
          `\n${kind}: ${c.queries} statements, ${c.commits} commits\n${describeCount(c)}\n`,
        );
  });
  after(async () => {
    await r?.runtime.stop();
    await r?.calling.stop();
    await r?.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [kind, bound] of Object.entries(BOUNDS)) {
    const title = `${kind}: at most ${bound.queries} statements in ${bound.commits} commits, ${bound.built} built`;
    it(title, () => {
      const c = counts[kind];
      assert.ok(c, `${kind} was not counted`);
      const listing = `${c.queries} statements, ${c.commits} commits, ${c.built.length} built:\n${describeCount(c)}`;
      const within =
        c.queries <= bound.queries && c.commits <= bound.commits && c.built.length <= bound.built;
      assert.ok(within, listing);
    });
  }
});

import assert from 'node:assert/strict';
import type { CallingApi, CoreLogger } from '../../../../calling/core';
import { flowFailed, type FailureDeps } from '../../../../calling/flows/runtime/flow-failure';
import type { FlowData, StoredFlowRecord } from '../../../../calling/storage';
import { eventually } from '../core/fakes';
import { callEnded, deleteFailure, hangUps } from './hang-up-failures';

/** A logger that keeps the messages of its error lines. */
function errorLines() {
  const errors: string[] = [];
  const make = (): CoreLogger => ({
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (_o, msg) => void errors.push(msg ?? ''),
    child: () => make(),
  });
  return { log: make(), errors };
}

/** A flow with its own key whose calls are `callIds`, as the flows table holds it. */
const ownFlow = (callIds: string[]): StoredFlowRecord => ({
  key: 'connect:f1',
  kind: 'connect',
  state: {},
  rev: 3,
  timers: {},
  tasks: {},
  callIds,
  requestedBy: null,
  createdAt: 1,
  updatedAt: 1,
  doneAt: null,
});

/** The failure's dependencies: live calls whose hang-ups answer `answers` in turn; `flow` in the table when given. */
function failing(answers: readonly unknown[], flow?: StoredFlowRecord) {
  const h = hangUps(answers);
  const { log, errors } = errorLines();
  const calling = {
    note: async () => undefined,
    getCall: async (id: string) => ({ id, state: 'established' }),
    hangUp: h.hangUp,
  } as unknown as CallingApi;
  const data = {
    flows: { get: async () => flow, save: async () => true },
  } as unknown as FlowData;
  const deps: FailureDeps = { calling, log, ...(flow ? { data } : {}) };
  return { deps, hungUp: h.hungUp, errors };
}

const HAND_OVER_FAILED = "could not hand a failed flow's calls over";

// The hang-up after a failed step is the last resort: a transient failure of it must not leave the
// caller in a call nothing drives.
describe('calling/flows runtime: the hang-up after a failed step', function () {
  this.timeout(10_000);
  const bug = new Error('no option for 9');

  it('a call with no rescue is hung up again after a transient failure (a 500)', async () => {
    const t = failing([deleteFailure(500, 'c')]);
    flowFailed(t.deps, 'c', bug);
    await eventually(() => t.hungUp.length === 2);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(t.hungUp, ['c', 'c']);
    assert.ok(!t.errors.includes(HAND_OVER_FAILED), t.errors.join('\n'));
  });

  it('a flow with its own key: every call is hung up, though Graph was unavailable for the first', async () => {
    const t = failing([deleteFailure(503, 'a')], ownFlow(['a', 'b']));
    flowFailed(t.deps, 'connect:f1', bug);
    await eventually(() => t.hungUp.length === 3);
    assert.deepEqual(t.hungUp, ['a', 'a', 'b']);
    assert.ok(!t.errors.includes(HAND_OVER_FAILED), t.errors.join('\n'));
  });

  it('a call that ended meanwhile counts as hung up: the next call is hung up too', async () => {
    const t = failing([callEnded('a')], ownFlow(['a', 'b']));
    flowFailed(t.deps, 'connect:f1', bug);
    await eventually(() => t.hungUp.length === 2);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(t.hungUp, ['a', 'b']);
    assert.ok(!t.errors.includes(HAND_OVER_FAILED), t.errors.join('\n'));
  });

  it('a refused hang-up (403) is not repeated: logged', async () => {
    const t = failing([deleteFailure(403, 'c')]);
    flowFailed(t.deps, 'c', bug);
    await eventually(() => t.errors.includes(HAND_OVER_FAILED));
    assert.deepEqual(t.hungUp, ['c']);
  });
});

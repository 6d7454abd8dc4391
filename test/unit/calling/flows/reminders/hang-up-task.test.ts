import assert from 'node:assert/strict';
import { hangUpTask } from '../../../../../calling/flows/reminders/flow-tasks';
import type { ReminderFlowDeps } from '../../../../../calling/flows/reminders/flow-state';
import { callEnded, deleteFailure, hangUps } from '../hang-up-failures';

/** The flow's dependencies as its hang-up uses them: a hangUp answering `answers` in turn. */
function deps(answers: readonly unknown[]) {
  const h = hangUps(answers);
  return { deps: { calling: { hangUp: h.hangUp } } as unknown as ReminderFlowDeps, hungUp: h.hungUp };
}

// A reminder's call the flow hangs up (after the goodbye, on cancel) must not stay up on one 500.
describe('calling/flows/reminders: the hang-up task', function () {
  this.timeout(10_000);

  it('hangs up again after a transient failure (a 500)', async () => {
    const t = deps([deleteFailure(500)]);
    await hangUpTask(t.deps, 'c')();
    assert.deepEqual(t.hungUp, ['c', 'c']);
  });

  it('does not repeat a refused hang-up (403); a call that ended meanwhile is done', async () => {
    const refused = deleteFailure(403);
    const t = deps([refused]);
    await assert.rejects(hangUpTask(t.deps, 'c')(), refused);
    assert.deepEqual(t.hungUp, ['c']);
    const gone = deps([callEnded()]);
    await hangUpTask(gone.deps, 'c')();
    assert.deepEqual(gone.hungUp, ['c']);
  });
});

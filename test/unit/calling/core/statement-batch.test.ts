import assert from 'node:assert/strict';
import { createStatementBatch } from '../../../../calling/core/batch';

/** A run that waits until `finish` is called, so the test decides what arrives meanwhile. */
function gatedRuns() {
  const runs: string[][] = [];
  const gates: Array<(fail?: Error) => void> = [];
  const run = (items: readonly string[]) => {
    runs.push([...items]);
    return new Promise<string[]>((resolve, reject) => {
      gates.push((fail) => (fail ? reject(fail) : resolve(items.map((i) => `done ${i}`))));
    });
  };
  const finish = async (fail?: Error) => {
    gates.shift()?.(fail);
    await new Promise((r) => setImmediate(r));
  };
  return { runs, run, finish };
}

describe('statement batch', () => {
  it('runs an idle batch at once, and what arrives meanwhile together next, in order', async () => {
    const g = gatedRuns();
    const submit = createStatementBatch(g.run, { maxSize: 10 });
    const first = submit('a');
    assert.deepEqual(g.runs, [['a']]);
    const rest = ['b', 'c', 'd'].map((i) => submit(i));
    assert.equal(g.runs.length, 1, 'nothing else runs while a run is under way');
    await g.finish();
    assert.equal(await first, 'done a');
    assert.deepEqual(g.runs, [['a'], ['b', 'c', 'd']]);
    await g.finish();
    assert.deepEqual(await Promise.all(rest), ['done b', 'done c', 'done d']);
  });

  it('rejects the items of a failed run only, and goes on with the next', async () => {
    const g = gatedRuns();
    const submit = createStatementBatch(g.run, { maxSize: 10 });
    const failing = assert.rejects(submit('a'), /database is locked/);
    const next = submit('b');
    await g.finish(new Error('database is locked'));
    await failing;
    await g.finish();
    assert.equal(await next, 'done b');
  });

  it('keeps a run within maxSize by the items sizes, unless one item alone is larger', async () => {
    const g = gatedRuns();
    const submit = createStatementBatch(g.run, { maxSize: 4, sizeOf: (s: string) => s.length });
    const all = [submit('x'), submit('aa'), submit('bb'), submit('c'), submit('dddddd')];
    for (let i = 0; i < 4; i++) await g.finish();
    await Promise.all(all);
    assert.deepEqual(g.runs, [['x'], ['aa', 'bb'], ['c'], ['dddddd']]);
  });

  it('fails every item of a run that answers the wrong number of results', async () => {
    const submit = createStatementBatch(async () => ['one result'], { maxSize: 10 });
    const alone = submit('a');
    const together = [submit('b'), submit('c')].map((p) =>
      assert.rejects(p, /a batch of 2 answered 1 results/),
    );
    assert.equal(await alone, 'one result');
    await Promise.all(together);
  });
});

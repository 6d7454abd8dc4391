import assert from 'node:assert/strict';
import { createGroupCommit } from '../../../../calling/core/group-commit';

interface Write {
  readonly items: string[];
  finish(): void;
  fail(err: Error): void;
}

// A writer whose writes finish only when the test says so.
function manualWriter(): { writes: Write[]; write: (items: string[]) => Promise<void> } {
  const writes: Write[] = [];
  return {
    writes,
    write: (items) =>
      new Promise<void>((resolve, reject) => {
        writes.push({ items, finish: resolve, fail: reject });
      }),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('an idle writer writes a lone submission at once, without waiting for a later turn', () => {
    const w = manualWriter();
    const submit = createGroupCommit(w.write, 10);
    void submit(['a']);
    assert.deepEqual(
      w.writes.map((x) => x.items),
      [['a']],
    );
    w.writes[0]!.finish();
  });

  it('what arrives while a write is under way is written together next, in arrival order', async () => {
    const w = manualWriter();
    const submit = createGroupCommit(w.write, 10);
    const done: string[] = [];
    const track = (name: string, p: Promise<void>) => p.then(() => void done.push(name));
    const all = [track('a', submit(['a1', 'a2']))];
    await turn();
    all.push(track('b', submit(['b1'])));
    await turn();
    all.push(track('c', submit(['c1', 'c2'])));
    assert.equal(w.writes.length, 1);
    w.writes[0]!.finish();
    await turn();
    assert.deepEqual(done, ['a']);
    assert.deepEqual(
      w.writes.map((x) => x.items),
      [
        ['a1', 'a2'],
        ['b1', 'c1', 'c2'],
      ],
    );
    w.writes[1]!.finish();
    await Promise.all(all);
    assert.deepEqual(done, ['a', 'b', 'c']);
  });

  it('a group never exceeds the limit unless one submission alone does', async () => {
    const w = manualWriter();
    const submit = createGroupCommit(w.write, 3);
    const all = [submit(['a']), submit(['b1', 'b2']), submit(['c1', 'c2']), submit(['d1', 'd2', 'd3', 'd4'])];
    for (let i = 0; i < 4; i++) {
      assert.equal(w.writes.length, i + 1);
      w.writes[i]!.finish();
      await turn();
    }
    await Promise.all(all);
    assert.deepEqual(
      w.writes.map((x) => x.items),
      [['a'], ['b1', 'b2'], ['c1', 'c2'], ['d1', 'd2', 'd3', 'd4']],
    );
  });

  it('a failed write rejects every submission in it with its error, and the next group is written', async () => {
    const w = manualWriter();
    const submit = createGroupCommit(w.write, 10);
    const first = submit(['a']);
    const second = [submit(['b']), submit(['c'])];
    w.writes[0]!.finish();
    await first;
    submit(['d']).catch(() => undefined);
    const failure = new Error('disk I/O error');
    const outcomes = Promise.allSettled(second);
    w.writes[1]!.fail(failure);
    assert.deepEqual(
      (await outcomes).map((o) => (o.status === 'rejected' ? o.reason : 'stored')),
      [failure, failure],
    );
    await turn();
    assert.deepEqual(
      w.writes.map((x) => x.items),
      [['a'], ['b', 'c'], ['d']],
    );
    w.writes[2]!.finish();
  });

  it('a writer that throws at once fails that group and keeps taking submissions', async () => {
    let calls = 0;
    const submit = createGroupCommit<string>(() => {
      calls += 1;
      if (calls === 1) throw new Error('not open');
      return Promise.resolve();
    }, 10);
    await assert.rejects(submit(['a']), /not open/);
    await turn();
    await submit(['b']);
    assert.equal(calls, 2);
  });
});

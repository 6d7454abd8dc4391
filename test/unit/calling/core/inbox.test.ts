import assert from 'node:assert/strict';
import { createCallInbox } from '../../../../calling/core/inbox';
import type { CallData, NewInboxRow } from '../../../../calling';
import { createCallData, type Store } from '../../../../store';
import { batch, callNote, tempStore } from './fakes';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('call inbox: durable accept with shared commits', () => {
  let store: Store;
  let close: () => Promise<void>;
  let appends: NewInboxRow[][];
  let kicked: string[];
  let failNext: Error | undefined;

  const counting = (data: CallData): CallData => ({
    ...data,
    inbox: {
      ...data.inbox,
      append: async (rows) => {
        appends.push([...rows]);
        if (failNext) {
          const err = failNext;
          failNext = undefined;
          throw err;
        }
        return data.inbox.append(rows);
      },
    },
  });

  beforeEach(async () => {
    ({ store, close } = await tempStore());
    appends = [];
    kicked = [];
    failNext = undefined;
  });
  afterEach(async () => close());

  const inbox = () =>
    createCallInbox(counting(createCallData(store)), { nudge: (id) => void kicked.push(id) });

  it('a lone batch is appended at once; batches accepted meanwhile share the next append; each resolves once its rows are stored', async () => {
    const box = inbox();
    const first = box.accept(batch(callNote(A, 'establishing')));
    assert.equal(appends.length, 1, 'no wait for a later turn when nothing else is being written');
    await Promise.all([
      first,
      box.accept(batch(callNote(B, 'establishing'), callNote(B, 'established'))),
      box.accept(batch(callNote(A, 'established'))),
    ]);
    assert.deepEqual(
      appends.map((rows) => rows.map((r) => r.callId)),
      [[A], [B, B, A]],
    );
    const rows = [
      ...(await createCallData(store).inbox.pending(A)),
      ...(await createCallData(store).inbox.pending(B)),
    ];
    assert.equal(rows.length, 4);
  });

  it('kicks each call of a batch once, after the commit', async () => {
    const box = inbox();
    await box.accept(
      batch(callNote(B, 'establishing'), callNote(B, 'established'), callNote(A, 'established')),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(kicked.sort(), [A, B]);
  });

  it('a failed commit rejects every batch in it (each webhook answers 503) and stores none', async () => {
    const box = inbox();
    const busy = box.accept(batch(callNote(A, 'establishing')));
    failNext = new Error('disk I/O error');
    const results = await Promise.allSettled([
      box.accept(batch(callNote(A, 'established'))),
      box.accept(batch(callNote(B, 'establishing'))),
    ]);
    await busy;
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    assert.equal((await createCallData(store).inbox.pending(A)).length, 1);
    assert.equal((await createCallData(store).inbox.pending(B)).length, 0);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(kicked, [A], 'only the stored batch kicks its call');
    // The next batch commits on its own again.
    await box.accept(batch(callNote(B, 'established')));
    assert.equal((await createCallData(store).inbox.pending(B)).length, 1);
  });

  it('batches accepted one after another, each once the last is stored, get their own commits', async () => {
    const box = inbox();
    await box.accept(batch(callNote(A, 'establishing')));
    await box.accept(batch(callNote(A, 'established')));
    assert.equal(appends.length, 2);
  });
});

import assert from 'node:assert/strict';
import type { CallInboxRepo } from '../../../../calling';
import type { ContractContext } from './subject';

/** The inbox of received notifications: arrival order, what is processed, content hashes seen. */
export function inboxCases(ctx: ContractContext): void {
  let inbox: CallInboxRepo;
  beforeEach(() => {
    inbox = ctx.storage.callData.inbox;
  });

  it('appends inbox rows in order and tracks what is processed', async () => {
    const seqs = await inbox.append([
      { callId: 'x', tenantId: 't', receivedAt: 10, notification: { n: 1 }, contentHash: 'h1' },
      { callId: 'y', tenantId: 't', receivedAt: 10, notification: { n: 2 }, contentHash: 'h2' },
      { callId: 'x', tenantId: 't', receivedAt: 10, notification: { n: 3 }, contentHash: 'h3' },
    ]);
    assert.equal(seqs.length, 3);
    assert.ok(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!);
    assert.deepEqual(await inbox.callsWithPending(), ['x', 'y']);
    const pending = await inbox.pending('x');
    assert.deepEqual(
      pending.map((r) => r.notification),
      [{ n: 1 }, { n: 3 }],
    );
    assert.equal(await inbox.seenHash('x', 'h1'), false);
    await inbox.markProcessed(pending[0]!.seq, 99);
    assert.equal(await inbox.seenHash('x', 'h1'), true);
    assert.equal(await inbox.seenHash('y', 'h1'), false);
    assert.deepEqual(
      (await inbox.pending('x')).map((r) => r.seq),
      [seqs[2]],
    );
    assert.deepEqual(await inbox.callsWithPending({ receivedBefore: 10 }), []);
    assert.deepEqual(await inbox.callsWithPending({ receivedBefore: 11, limit: 1 }), ['y']);
    await inbox.markProcessed(seqs[2]!, 99);
    assert.deepEqual(await inbox.callsWithPending(), ['y']);
  });

  it('reads and marks rows of many calls at once', async () => {
    const rows = ['x', 'y', 'z', 'x', 'y'].map((callId, i) => ({
      callId,
      tenantId: 't',
      receivedAt: 10,
      notification: { i },
      contentHash: `h${i % 3}`,
    }));
    const seqs = await inbox.append(rows);
    const xy = await inbox.pendingFor(['x', 'y'], 10);
    assert.deepEqual(
      xy.map((r) => r.seq),
      [seqs[0], seqs[1], seqs[3], seqs[4]],
      'arrival order across calls',
    );
    assert.deepEqual(
      (await inbox.pendingFor(['x', 'y'], 2)).map((r) => r.seq),
      [seqs[0], seqs[1]],
    );
    assert.deepEqual(await inbox.pendingFor([], 10), []);
    await inbox.markProcessedMany([seqs[0]!, seqs[1]!], 50);
    assert.deepEqual(
      (await inbox.pendingFor(['x', 'y', 'z'], 10)).map((r) => r.seq),
      [seqs[2], seqs[3], seqs[4]],
    );
    // x has processed h0 and y processed h1; x never processed h1 though both values exist.
    const seen = await inbox.seenHashes([
      { callId: 'x', contentHash: 'h0' },
      { callId: 'x', contentHash: 'h1' },
      { callId: 'y', contentHash: 'h1' },
      { callId: 'z', contentHash: 'h2' },
      { callId: 'x', contentHash: 'h0' },
    ]);
    assert.deepEqual([...seen].sort(), ['x\u0000h0', 'y\u0000h1']);
    // The same call asked twice, and lists of every length so far, read as the first time did.
    assert.deepEqual(
      (await inbox.pendingFor(['z', 'z', 'y'], 10)).map((r) => r.seq),
      [seqs[2], seqs[4]],
    );
    assert.deepEqual([...(await inbox.seenHashes([{ callId: 'y', contentHash: 'h1' }]))], ['y\u0000h1']);
  });
}

import assert from 'node:assert/strict';
import { createCallingService } from '../../../../calling/core';
import { processRows } from '../../../../calling/core/process-row';
import { contentHash, toStored } from '../../../../calling/core/stored-notification';
import type { ParsedNotification } from '../../../../calling';
import { createCallData } from '../../../../store';
import {
  batch,
  callNote,
  eventually,
  fakeGraph,
  rosterNote,
  eachTempStore,
  testLogger,
  TENANT,
} from './fakes';

const A = 'aaaaaaaa-1111-4222-8333-444444444444';
const B = 'bbbbbbbb-1111-4222-8333-444444444444';

describe('inbox rows handled in batches', function () {
  this.timeout(15_000);
  const t = eachTempStore();

  async function stored(...notes: ParsedNotification[]) {
    const data = createCallData(t.store);
    await data.inbox.append(
      notes.map((n) => ({
        callId: n.callId,
        tenantId: TENANT,
        receivedAt: Date.now(),
        notification: toStored(n),
        contentHash: contentHash(toStored(n)),
      })),
    );
    return data.inbox.pendingFor([A, B], 100);
  }

  // A stored call whose roster column is not JSON: reading it throws, as a corrupt row would.
  async function storeBrokenCall(id: string): Promise<void> {
    const now = Date.now();
    await t.store.db
      .insertInto('calls')
      .values({
        id,
        tenant_id: TENANT,
        direction: 'incoming',
        state: 'incoming',
        resource: '{}',
        my_participant_id: null,
        participants: '{not json',
        marks: '{}',
        flow: null,
        scenario_id: null,
        created_at: now,
        updated_at: now,
        last_notified_at: null,
        ended_at: null,
        end_code: null,
        end_subcode: null,
        end_reason: null,
        version: 0,
      })
      .execute();
  }

  it('handles several calls in one transaction, later rows seeing earlier ones, duplicates once', async () => {
    const rows = await stored(
      callNote(A, 'establishing'),
      callNote(B, 'establishing'),
      callNote(A, 'established'),
      rosterNote(A, 'updated', [
        { id: 'p1', info: { identity: { user: { id: 'u1', displayName: 'Ada' } } }, isInLobby: false },
      ]),
      callNote(A, 'established'), // redelivered within the same batch
    );
    const data = createCallData(t.store);
    const handled = await processRows(data, rows, Date.now());
    assert.equal(handled.length, 5);
    const names = handled.flatMap((h) => h.events.map((e) => `${e.name}`));
    assert.deepEqual(
      names.filter((n) => n === 'established'),
      ['established'],
      'established announced once though it came twice',
    );
    const a = await data.calls.get(A);
    assert.equal(a?.state, 'established');
    assert.match(JSON.stringify(a?.participants), /Ada/, 'the roster row saw the call the earlier rows made');
    assert.equal((await data.calls.get(B))?.state, 'establishing');
    assert.deepEqual(await data.inbox.callsWithPending(), [], 'every row marked processed');
    const summaries = (await data.timeline.list(A)).map((e) => e.summary);
    assert.equal(
      summaries.filter((s) => s === 'ignored duplicate notification').length,
      1,
      summaries.join(' | '),
    );
  });

  it('keeps nothing of a batch in which a row fails', async () => {
    const rows = await stored(callNote(A, 'establishing'), callNote(B, 'establishing'));
    await storeBrokenCall(B); // reading it throws inside the batch
    const data = createCallData(t.store);
    await assert.rejects(processRows(data, rows, Date.now()), SyntaxError);
    assert.equal(await data.calls.get(A), undefined, 'the good row was rolled back with the batch');
    assert.equal((await data.inbox.callsWithPending()).length, 2);
  });

  it('in the service, a failing call is retried and then skipped while the other call goes on', async () => {
    const service = createCallingService({
      store: t.store,
      graph: fakeGraph(),
      logger: testLogger(),
      appId: 'app',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
    });
    await storeBrokenCall(B);
    await service.start();
    await service.inbox.accept(batch(callNote(A, 'establishing'), callNote(B, 'establishing')));
    await eventually(async () => (await service.getCall(A))?.state === 'establishing', 2000);
    const data = createCallData(t.store);
    // Three attempts a second apart, then the row is skipped with a line on the call's timeline.
    await eventually(async () => (await data.inbox.callsWithPending()).length === 0, 8000);
    const summaries = (await data.timeline.list(B)).map((e) => e.summary);
    assert.ok(
      summaries.some((s) => s.startsWith('skipped a notification that kept failing')),
      summaries.join(' | '),
    );
    await service.stop();
  });
});

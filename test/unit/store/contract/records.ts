import assert from 'node:assert/strict';
import type { CallRecordSummaries, CallRecordSummary } from '../../../../calling';
import type { ContractContext } from './subject';

const ADELE = '86528EE4-DA06-4AA2-9AED-32E626300172';
const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
const DIEGO = '78377b16-9ba5-4342-9ed8-cf0ae0629405';

function rec(id: string, over: Partial<CallRecordSummary> = {}): CallRecordSummary {
  return {
    id,
    version: 1,
    type: 'peerToPeer',
    modalities: ['audio'],
    startAt: 10_000,
    endAt: 70_000,
    organizerId: null,
    participantIds: [ALEX],
    ...over,
  };
}

/** Call-record summaries: newer versions win, lookups by user and time. */
export function recordCases(ctx: ContractContext): void {
  let records: CallRecordSummaries;
  beforeEach(() => {
    records = ctx.storage.callRecords;
  });

  it('stores a record once, keeps it against the same or an older version, replaces it with a newer', async () => {
    assert.equal(await records.put(rec('R-1', { version: 2, organizerId: ADELE }), 1), 'inserted');
    assert.equal(await records.put(rec('r-1', { version: 2, endAt: 99_000 }), 2), 'kept');
    assert.equal(await records.put(rec('r-1', { version: 1, endAt: 99_000 }), 3), 'kept');
    const kept = await records.get('r-1');
    assert.equal(kept?.endAt, 70_000);
    assert.equal(kept?.organizerId, ADELE.toLowerCase());

    const newer = rec('r-1', { version: 5, endAt: 80_000, participantIds: [DIEGO], type: 'groupCall' });
    assert.equal(await records.put(newer, 4), 'updated');
    assert.deepEqual(await records.get('R-1'), { ...newer, organizerId: null });
    assert.deepEqual([...(await records.versions(['r-1', 'R-1', 'nope']))], [['r-1', 5]]);
  });

  it("finds a user's records by organizer or participant within the time range, oldest first", async () => {
    await records.put(rec('a', { startAt: 5_000, organizerId: ADELE, participantIds: [ALEX] }), 1);
    await records.put(rec('b', { startAt: 1_000, participantIds: [ADELE, ALEX] }), 1);
    await records.put(rec('c', { startAt: 3_000, participantIds: [DIEGO] }), 1);
    await records.put(rec('d', { startAt: 9_000, participantIds: [ADELE] }), 1);
    const ids = async (user: string, from: number, to: number) =>
      (await records.forUser(user, from, to)).map((r) => r.id);
    assert.deepEqual(await ids(ADELE, 0, 9_000), ['b', 'a']);
    assert.deepEqual(await ids(ALEX, 2_000, 100_000), ['a']);
    assert.deepEqual(await ids(DIEGO, 0, 100_000), ['c']);

    // A newer version that drops a participant drops them from the lookup too.
    await records.put(rec('b', { version: 2, startAt: 1_000, participantIds: [ALEX] }), 2);
    assert.deepEqual(await ids(ADELE, 0, 9_000), ['a']);

    assert.equal(await records.purgeBefore(4_000), 2);
    assert.deepEqual(await ids(ALEX, 0, 100_000), ['a']);
  });
}

import assert from 'node:assert/strict';
import type { MeetingRecords, StoredMeeting } from '../../../../calling';
import type { ContractContext } from './subject';

const ADELE = '86528EE4-DA06-4AA2-9AED-32E626300172';
const MEGAN = '2c0fd3f4-495a-4f8d-9668-9ce043008303';

function meeting(id: string, over: Partial<StoredMeeting> = {}): StoredMeeting {
  return {
    id,
    organizerId: ADELE,
    organizerName: 'Adele Vance',
    subject: 'Budget review',
    startAt: 1_000_000,
    endAt: 1_000_000 + 30 * 60_000,
    joinUrl: `https://teams.example/l/meetup-join/${id}`,
    threadId: `19:meeting_${id}@thread.v2`,
    conversationId: 'conv-1',
    createdVia: 'chat',
    status: 'scheduled',
    attendees: [{ id: MEGAN, displayName: 'Megan Bowen' }],
    joinMeetingId: '123 456',
    createdAt: 10,
    updatedAt: 10,
    ...over,
  };
}

/** The meetings: whole records, lookups, and changes that leave one another alone. */
export function meetingCases(ctx: ContractContext): void {
  let meetings: MeetingRecords;
  beforeEach(() => {
    meetings = ctx.storage.meetings;
  });

  it('keeps a meeting whole, with the organizer id lower-case and Graph’s meeting id as spelled', async () => {
    const m = meeting('MSo1N2Q=');
    await meetings.put(m);
    assert.deepEqual(await meetings.get('MSo1N2Q='), { ...m, organizerId: ADELE.toLowerCase() });
    assert.equal(await meetings.get('mso1n2q='), undefined);
    await meetings.put({ ...m, subject: 'Again' });
    assert.equal((await meetings.get(m.id))?.subject, 'Again');
  });

  it('finds meetings by thread, by conversation and by organizer, newest first', async () => {
    await meetings.put(meeting('a', { createdAt: 1 }));
    await meetings.put(meeting('b', { createdAt: 3, conversationId: 'conv-2' }));
    await meetings.put(meeting('c', { createdAt: 2, organizerId: MEGAN, organizerName: 'Megan Bowen' }));
    assert.equal((await meetings.byThread('19:meeting_b@thread.v2'))?.id, 'b');
    assert.deepEqual(
      (await meetings.inConversation('conv-1')).map((m) => m.id),
      ['c', 'a'],
    );
    assert.deepEqual(
      (await meetings.byOrganizer(ADELE)).map((m) => m.id),
      ['b', 'a'],
    );
    assert.deepEqual(
      (await meetings.byOrganizer(ADELE, 1)).map((m) => m.id),
      ['b'],
    );
  });

  it('moves, records attendance and cancels without undoing one another', async () => {
    await meetings.put(meeting('m'));
    const change = { kind: 'moved' as const, by: 'Adele Vance', at: 50 };
    const moved = await meetings.reschedule('m', { subject: 'Moved', startAt: 5, endAt: 6 }, change);
    assert.deepEqual(
      [moved?.subject, moved?.startAt, moved?.endAt, moved?.lastChange],
      ['Moved', 5, 6, change],
    );
    const attendance = {
      checkedAt: 60,
      reports: 1,
      startAt: 5,
      endAt: 6,
      people: [{ id: MEGAN, name: 'Megan Bowen', seconds: 720, role: 'Presenter' }],
    };
    const attended = await meetings.setAttendance('m', attendance);
    assert.deepEqual(attended?.attendance, attendance);
    assert.equal(attended?.startAt, 5, 'the move is still there');
    const cancelled = await meetings.cancel('m', { kind: 'cancelled', by: 'Adele Vance', at: 70 });
    assert.equal(cancelled?.status, 'cancelled');
    assert.deepEqual(cancelled?.attendance, attendance);
    assert.equal(cancelled?.updatedAt, 70);
    assert.equal(await meetings.cancel('nope', { kind: 'cancelled', by: 'x', at: 1 }), undefined);
  });
}

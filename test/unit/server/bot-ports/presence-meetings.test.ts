import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OnlineMeeting } from '@microsoft/microsoft-graph-types';
import { CallingError, createMeetingService, type MeetingService } from '../../../../calling';
import { openStore, type Store } from '../../../../store';
import { createMeetingsPort } from '../../../../server/bot-ports/meetings-port';
import { createPresencePort } from '../../../../server/bot-ports/presence-port';
import type { MeetingRequest } from '../../../../server/bot-ports/types';

const adele = { id: 'u-adele', displayName: 'Adele Vance', userPrincipalName: 'adele.vance@contoso.example' };
const megan = { id: 'u-megan', displayName: 'Megan Bowen' };

describe('bot ports: presence', () => {
  it('asks once for the distinct ids and reads unknown availability as PresenceUnknown', async () => {
    const asked: string[][] = [];
    const presence = createPresencePort({
      async getPresences(ids) {
        asked.push([...ids]);
        return [
          { id: 'a', availability: 'Busy', activity: 'InACall' },
          { id: 'b', availability: 'SomethingNew' },
          { availability: 'Available' },
        ];
      },
    });
    assert.deepEqual(await presence.getMany([]), []);
    assert.deepEqual(asked, []);
    const got = await presence.getMany(['a', 'b', 'a', '']);
    assert.deepEqual(asked, [['a', 'b']]);
    assert.deepEqual(got, [
      { id: 'a', availability: 'Busy', activity: 'InACall' },
      { id: 'b', availability: 'PresenceUnknown', activity: 'PresenceUnknown' },
    ]);
  });
});

describe('bot ports: meetings', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-meetings-port-'));
  let store: Store;
  let book: MeetingService;
  const nothing = () => Promise.reject(new CallingError('graph_error', 'not in this test'));
  before(async () => {
    store = await openStore({ sqlitePath: path.join(dir, 'm.db') });
    book = createMeetingService({
      store,
      graph: {
        updateMeeting: nothing,
        deleteMeeting: nothing,
        listAttendanceReports: nothing,
        getAttendanceReport: nothing,
      },
      logger: { info: () => undefined, warn: () => undefined },
    });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the meeting in the app form for the organizer and reads the join details back', async () => {
    const requests: Array<{ organizerId: string; params: MeetingRequest }> = [];
    const meetings = createMeetingsPort(
      {
        async createOrGetMeeting(actor, params) {
          requests.push({ organizerId: actor.organizerId, params });
          const meeting: OnlineMeeting = {
            id: 'MSpk-1',
            subject: params.subject,
            joinWebUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_1%40thread.v2/0',
            startDateTime: params.startDateTime,
            endDateTime: params.endDateTime,
            joinMeetingIdSettings: { joinMeetingId: '123 456 789', passcode: 'aB3xY' },
          };
          return { meeting, created: true };
        },
      },
      book,
      () => 'ext-1',
    );
    const start = Date.parse('2025-04-01T09:00:00Z');
    const made = await meetings.create({
      organizer: adele,
      subject: 'Planning',
      start,
      end: start + 30 * 60_000,
      attendees: [megan],
      conversationId: 'conv-1',
    });
    assert.deepEqual(requests, [
      {
        organizerId: 'u-adele',
        params: {
          externalId: 'ext-1',
          subject: 'Planning',
          startDateTime: '2025-04-01T09:00:00.000Z',
          endDateTime: '2025-04-01T09:30:00.000Z',
          participants: {
            attendees: [
              { identity: { user: { id: 'u-megan', displayName: 'Megan Bowen' } }, role: 'attendee' },
            ],
          },
        },
      },
    ]);
    assert.deepEqual(made, {
      id: 'MSpk-1',
      subject: 'Planning',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_1%40thread.v2/0',
      start,
      end: start + 30 * 60_000,
      organizer: { id: adele.id, displayName: adele.displayName },
      attendees: [megan],
      joinMeetingId: '123 456 789',
      passcode: 'aB3xY',
      status: 'scheduled',
    });
    assert.deepEqual(
      (await meetings.inConversation('conv-1')).map((m) => m.id),
      ['MSpk-1'],
      'kept with the conversation its card goes to',
    );
  });

  it('a meeting without a join link is an error, not a card with a dead button', async () => {
    const meetings = createMeetingsPort(
      { createOrGetMeeting: async () => ({ meeting: { id: 'm' }, created: true }) },
      book,
    );
    await assert.rejects(
      meetings.create({ organizer: adele, subject: 's', start: 0, end: 1, attendees: [] }),
      /did not say how to join/,
    );
  });
});

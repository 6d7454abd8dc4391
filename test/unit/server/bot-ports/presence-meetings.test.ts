import assert from 'node:assert/strict';
import type { OnlineMeeting } from '@microsoft/microsoft-graph-types';
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
      () => 'ext-1',
    );
    const start = Date.parse('2025-04-01T09:00:00Z');
    const made = await meetings.create({
      organizer: adele,
      subject: 'Planning',
      start,
      end: start + 30 * 60_000,
      attendees: [megan],
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
      organizer: adele,
      attendees: [megan],
      joinMeetingId: '123 456 789',
      passcode: 'aB3xY',
    });
  });

  it('a meeting without a join link is an error, not a card with a dead button', async () => {
    const meetings = createMeetingsPort({
      createOrGetMeeting: async () => ({ meeting: { id: 'm' }, created: true }),
    });
    await assert.rejects(
      meetings.create({ organizer: adele, subject: 's', start: 0, end: 1, attendees: [] }),
      /did not say how to join/,
    );
  });
});

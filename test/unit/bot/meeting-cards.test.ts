// The meeting card in each of its states, the notices of a move and a cancellation, the pick card and the
// help card's meeting forms, each through the adaptivecards parser; and the form data back into commands.
import assert from 'node:assert/strict';
import { decodeAction } from '../../../bot/actions';
import { formatStay } from '../../../bot/cards/attendance-section';
import { helpCard } from '../../../bot/cards/help-card';
import { meetingCard } from '../../../bot/cards/meeting-card';
import { meetingCancelledCard, meetingMovedCard, pickMeetingCard } from '../../../bot/cards/meeting-notices';
import type { Meeting } from '../../../bot/ports';
import { adele, megan } from './harness';
import { assertValidCard, button, buttons, cardText } from './validate-card';

const START = Date.parse('2025-03-11T09:00:00Z');
const CLOCK = { now: Date.parse('2025-03-10T10:00:00Z'), timeZone: 'Europe/Berlin' };
const meeting: Meeting = {
  id: 'MSo1N2Q=',
  subject: 'Budget review',
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0',
  start: START,
  end: START + 30 * 60_000,
  organizer: adele,
  attendees: [megan],
  joinMeetingId: '123 456',
  passcode: 'abc',
  status: 'scheduled',
};

describe('meeting cards', () => {
  it('a scheduled meeting: join, bot, everyone, Move… and Cancel meeting', () => {
    const c = meetingCard(meeting);
    assertValidCard(c);
    assert.deepEqual(
      buttons(c).map((b) => b.title),
      ['Join meeting', 'Have the bot join', 'Call everyone in', 'Move…', 'Move meeting', 'Cancel meeting'],
    );
    assert.equal((button(c, 'Cancel meeting') as { style?: string }).style, 'destructive');
  });

  it('a moved meeting says who moved it; a cancelled one who cancelled it, keeps no buttons and no dial-in', () => {
    const moved = meetingCard({ ...meeting, lastChange: { kind: 'moved', by: 'Adele Vance', at: 1 } });
    assertValidCard(moved);
    assert.match(cardText(moved), /Moved by Adele Vance/);
    const cancelled = meetingCard({
      ...meeting,
      status: 'cancelled',
      lastChange: { kind: 'cancelled', by: 'Adele Vance', at: 1 },
    });
    assertValidCard(cancelled);
    assert.match(cardText(cancelled), /Cancelled by Adele Vance/);
    assert.doesNotMatch(cardText(cancelled), /Passcode|Meeting ID/);
    assert.deepEqual(buttons(cancelled), []);
    assert.match(cancelled.fallbackText ?? '', /cancelled by Adele Vance/);
  });

  it('after the meeting: who attended and for how long, or what keeps the report out of reach', () => {
    const c = meetingCard({
      ...meeting,
      attendance: {
        people: [
          { name: 'Adele Vance', seconds: 3900 },
          { name: 'Megan Bowen', seconds: 719 },
        ],
        startedAt: START,
        endedAt: START + 65 * 60_000,
      },
    });
    assertValidCard(c);
    const t = cardText(c);
    assert.match(
      t,
      /2 attendees · \{\{DATE\(2025-03-11T09:00:00Z, SHORT\)\}\} \{\{TIME\(2025-03-11T09:00:00Z\)\}\} – \{\{TIME\(2025-03-11T10:05:00Z\)\}\}/,
    );
    assert.match(t, /Adele Vance: 1 h 05 min/);
    assert.match(t, /Megan Bowen: 12 min/);
    const blocked = meetingCard({
      ...meeting,
      attendance: {
        people: [],
        problem: 'Switchboard may not read attendance reports: grant OnlineMeetingArtifact.Read.All.',
      },
    });
    assertValidCard(blocked);
    assert.match(cardText(blocked), /OnlineMeetingArtifact\.Read\.All/);
  });

  it('a large meeting lists its 25 longest stays and says how many more attended', () => {
    const people = Array.from({ length: 40 }, (_, i) => ({
      name: `Person ${i + 1}`,
      seconds: 4000 - i * 60,
    }));
    const c = meetingCard({ ...meeting, attendance: { people } });
    assertValidCard(c);
    const t = cardText(c);
    assert.match(t, /40 attendees/);
    assert.match(t, /Person 25:/);
    assert.doesNotMatch(t, /Person 26:/);
    assert.match(t, /and 15 more/);
  });

  it('stays are said the way people say them', () => {
    assert.deepEqual([0, 45, 89, 720, 3599, 3600, 3900].map(formatStay), [
      '0 s',
      '45 s',
      '1 min',
      '12 min',
      '1 h 00 min',
      '1 h 00 min',
      '1 h 05 min',
    ]);
  });

  it('notices and the pick card are valid and say what happened', () => {
    const moved = meetingMovedCard({ ...meeting, start: START + 3600_000, end: START + 5400_000 }, meeting);
    assertValidCard(moved);
    assert.match(cardText(moved), /"Budget review" is now .*10:00:00Z.*30 min/);
    assert.match(cardText(moved), /It was .*09:00:00Z/);
    const cancelled = meetingCancelledCard(meeting);
    assertValidCard(cancelled);
    assert.match(cardText(cancelled), /join link no longer works/);
    const pick = pickMeetingCard('budget', [meeting, { ...meeting, id: 'other' }], (m) => ({
      kind: 'meetingCancel',
      meetingId: m.id,
    }));
    assertValidCard(pick);
    assert.deepEqual(
      buttons(pick)
        .filter((b) => b.title === 'Pick')
        .map((b) => (b.data as { command: { meetingId: string } }).command.meetingId),
      ['MSo1N2Q=', 'other'],
    );
  });

  it('the card’s Move… form and the help card’s meeting forms come back as commands', () => {
    const onCard = decodeAction(
      { sb: 'form', form: 'meetingMove', meetingId: meeting.id, [`meetingMove.when.${meeting.id}`]: '4pm' },
      CLOCK,
    );
    assert.deepEqual(onCard, {
      ok: true,
      command: {
        kind: 'meetingMove',
        meetingId: meeting.id,
        start: Date.parse('2025-03-10T15:00:00Z'),
        keepDay: true,
      },
      replace: false,
    });
    const help = helpCard();
    assertValidCard(help);
    const titles = buttons(help).map((b) => b.title);
    assert.ok(titles.includes('Move meeting…') && titles.includes('Cancel meeting…'), titles.join(', '));
    const fromHelp = decodeAction(
      {
        sb: 'form',
        form: 'meetingMove',
        'meetingMove.subject': 'Budget review',
        'meetingMove.when': 'tomorrow 10:00',
        'meetingMove.duration': '45m',
      },
      CLOCK,
    );
    assert.deepEqual(fromHelp, {
      ok: true,
      command: {
        kind: 'meetingMove',
        subject: 'Budget review',
        start: Date.parse('2025-03-11T09:00:00Z'),
        durationMin: 45,
      },
      replace: false,
    });
    assert.deepEqual(
      decodeAction({ sb: 'form', form: 'meetingCancel', 'meetingCancel.subject': '' }, CLOCK),
      {
        ok: true,
        command: { kind: 'meetingCancel' },
        replace: false,
      },
    );
    const noTime = decodeAction({ sb: 'form', form: 'meetingMove', meetingId: meeting.id }, CLOCK);
    assert.equal(noTime.ok, false);
  });
});

// "meeting move" and "meeting cancel": which meeting (the latest in the chat, or one named by subject),
// the new time read like meet's (a bare time keeps the meeting's day), an optional new length.
import assert from 'node:assert/strict';
import type { Command } from '../../../bot/commands/command';
import { parseCommand, type ParseInput } from '../../../bot/parse/parse-command';

// Monday 10 March 2025, 11:00 in Berlin (UTC+1).
const NOW = Date.parse('2025-03-10T10:00:00Z');
const TZ = 'Europe/Berlin';

function parse(text: string, extra: Partial<ParseInput> = {}): Command {
  const r = parseCommand({ text, now: NOW, timeZone: TZ, ...extra });
  if (!r.ok) assert.fail(`"${text}" did not parse: ${r.error.message}`);
  return r.command;
}

function error(text: string): { message: string; command?: string } {
  const r = parseCommand({ text, now: NOW, timeZone: TZ });
  if (r.ok) assert.fail(`"${text}" parsed as ${JSON.stringify(r.command)}`);
  return r.error;
}

describe('parseCommand: meeting move and meeting cancel', () => {
  it('"meeting cancel" alone means the latest meeting of the chat; with words, the meeting so named', () => {
    assert.deepEqual(parse('meeting cancel'), { kind: 'meetingCancel' });
    assert.deepEqual(parse('Meeting Cancel Budget review'), {
      kind: 'meetingCancel',
      subject: 'Budget review',
    });
    assert.deepEqual(parse('cancel meeting "Plan for Q3"'), {
      kind: 'meetingCancel',
      subject: 'Plan for Q3',
    });
  });

  it('"meeting move to 4pm" keeps the meeting’s day; a named day or a relative time does not', () => {
    assert.deepEqual(parse('meeting move to 4pm'), {
      kind: 'meetingMove',
      start: Date.parse('2025-03-10T15:00:00Z'),
      keepDay: true,
    });
    assert.deepEqual(parse('meeting move Budget review to tomorrow 10:00 for 45m'), {
      kind: 'meetingMove',
      subject: 'Budget review',
      start: Date.parse('2025-03-11T09:00:00Z'),
      durationMin: 45,
    });
    assert.deepEqual(parse('meeting move in 2 hours'), {
      kind: 'meetingMove',
      start: NOW + 2 * 3600_000,
    });
    assert.deepEqual(parse('meeting reschedule Sync on friday at 9:30'), {
      kind: 'meetingMove',
      subject: 'Sync',
      start: Date.parse('2025-03-14T08:30:00Z'),
    });
  });

  it('a subject may hold "to" and numbers; only a readable time after the last "to" is the new time', () => {
    assert.deepEqual(parse('meeting move Intro to Kysely to 15:30'), {
      kind: 'meetingMove',
      subject: 'Intro to Kysely',
      start: Date.parse('2025-03-10T14:30:00Z'),
      keepDay: true,
    });
    assert.deepEqual(parse('meeting move Budget 2025 for 1h'), {
      kind: 'meetingMove',
      subject: 'Budget 2025',
      durationMin: 60,
    });
  });

  it('says what is missing or wrong, with the usage to show', () => {
    assert.deepEqual(error('meeting move Budget review'), {
      message:
        'Say when to move it: "meeting move to 4pm" or "meeting move Budget review to tomorrow 10:00 for 45m".',
      command: 'meeting',
    });
    assert.match(error('meeting move to 2025-03-01 10:00').message, /already passed/);
    assert.match(error('meeting move to 4pm for 2m').message, /between 5 minutes and 24 hours/);
  });

  it('leaves "meeting" with a subject, and "meet" with any, creating meetings', () => {
    assert.equal(parse('meeting Budget review at 3pm').kind, 'meet');
    assert.equal(parse('meet cancel review').kind, 'meet');
    assert.equal(parse('meet Move planning at 3pm').kind, 'meet');
  });
});

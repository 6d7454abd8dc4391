import assert from 'node:assert/strict';
import { parseCommand, type ParseInput } from '../../../bot/parse/parse-command';
import type { Command } from '../../../bot/commands/command';

// Monday 10 March 2025, 11:00 in Berlin (UTC+1).
const NOW = Date.parse('2025-03-10T10:00:00Z');
const TZ = 'Europe/Berlin';

function parse(text: string, extra: Partial<ParseInput> = {}): Command {
  const r = parseCommand({ text, now: NOW, timeZone: TZ, ...extra });
  if (!r.ok) assert.fail(`"${text}" did not parse: ${r.error.message}`);
  return r.command;
}

function error(text: string, extra: Partial<ParseInput> = {}): string {
  const r = parseCommand({ text, now: NOW, timeZone: TZ, ...extra });
  if (r.ok) assert.fail(`"${text}" parsed as ${JSON.stringify(r.command)}`);
  return r.error.message;
}

const ADELE = { text: '<at>Adele Vance</at>', id: '29:adele', name: 'Adele Vance' };
const MEGAN = { text: '<at>Megan</at>', id: '29:megan', name: 'Megan Bowen' };

describe('parseCommand', () => {
  it('help and its aliases', () => {
    for (const t of ['help', 'HELP', '?', 'hi', 'Hello!']) assert.deepEqual(parse(t), { kind: 'help' });
  });

  it('call me, a name, an email, a number, a mention', () => {
    assert.deepEqual(parse('call me'), { kind: 'call', target: { kind: 'me' } });
    assert.deepEqual(parse('call Adele Vance'), {
      kind: 'call',
      target: { kind: 'name', text: 'Adele Vance' },
    });
    assert.deepEqual(parse('call adele.vance@contoso.example'), {
      kind: 'call',
      target: { kind: 'email', address: 'adele.vance@contoso.example' },
    });
    assert.deepEqual(parse('call +1-425-555-0100'), {
      kind: 'call',
      target: { kind: 'phone', number: '+14255550100' },
    });
    assert.deepEqual(parse('call <at>Adele Vance</at>', { mentions: [ADELE] }), {
      kind: 'call',
      target: { kind: 'mention', id: '29:adele', name: 'Adele Vance' },
    });
  });

  it('a number without a country code is refused with the E.164 hint', () => {
    assert.match(error('call 4255550100'), /E\.164.*\+14255550100/);
    assert.match(error('call +12'), /E\.164/);
  });

  it('call with several people becomes a group call', () => {
    assert.deepEqual(parse('call adele, megan'), {
      kind: 'groupcall',
      targets: [
        { kind: 'name', text: 'adele' },
        { kind: 'name', text: 'megan' },
      ],
    });
  });

  it('groupcall separates on commas, "and", mentions and numbers', () => {
    const c = parse('groupcall <at>Adele Vance</at> <at>Megan</at>, Lee Gu and +14255550111', {
      mentions: [ADELE, MEGAN],
    });
    assert.deepEqual(c, {
      kind: 'groupcall',
      targets: [
        { kind: 'mention', id: '29:adele', name: 'Adele Vance' },
        { kind: 'mention', id: '29:megan', name: 'Megan Bowen' },
        { kind: 'name', text: 'Lee Gu' },
        { kind: 'phone', number: '+14255550111' },
      ],
    });
    assert.match(error('groupcall'), /Name the people/);
  });

  it('connect takes exactly two parties', () => {
    assert.deepEqual(parse('connect adele megan'), {
      kind: 'connect',
      a: { kind: 'name', text: 'adele' },
      b: { kind: 'name', text: 'megan' },
    });
    assert.deepEqual(parse('connect Adele Vance to +14255550100'), {
      kind: 'connect',
      a: { kind: 'name', text: 'Adele Vance' },
      b: { kind: 'phone', number: '+14255550100' },
    });
    assert.match(error('connect adele'), /exactly two/);
    assert.match(error('connect a, b, c'), /exactly two/);
  });

  it('meet with subject, time, duration and people', () => {
    assert.deepEqual(parse('meet Budget review at 3pm for 45m with Adele, Megan'), {
      kind: 'meet',
      subject: 'Budget review',
      start: Date.parse('2025-03-10T14:00:00Z'),
      durationMin: 45,
      attendees: [
        { kind: 'name', text: 'Adele' },
        { kind: 'name', text: 'Megan' },
      ],
    });
  });

  it('meet defaults: now and 30 minutes; clauses in any order; quoted subject keeps keywords', () => {
    assert.deepEqual(parse('meet Standup'), {
      kind: 'meet',
      subject: 'Standup',
      durationMin: 30,
      attendees: [],
    });
    const c = parse('meet "Plan for Q3" with <at>Adele Vance</at> tomorrow 9:00 for 1h30m', {
      mentions: [ADELE],
    });
    assert.deepEqual(c, {
      kind: 'meet',
      subject: 'Plan for Q3',
      start: Date.parse('2025-03-11T08:00:00Z'),
      durationMin: 90,
      attendees: [{ kind: 'mention', id: '29:adele', name: 'Adele Vance' }],
    });
    assert.match(error('meet Sync for 2m'), /between 5 minutes and 24 hours/);
    assert.match(error('meet Sync with +14255550100'), /not phone numbers/);
  });

  it('times: "at 3pm" later today, past times roll to tomorrow, "in 20 minutes", weekdays, dates', () => {
    const at = (text: string) => (parse(`remind me ${text} to stretch`) as { dueAt: number }).dueAt;
    assert.equal(at('at 3pm'), Date.parse('2025-03-10T14:00:00Z'));
    assert.equal(at('at 9:30'), Date.parse('2025-03-11T08:30:00Z'), '9:30 has passed in Berlin');
    assert.equal(at('at 3'), Date.parse('2025-03-10T14:00:00Z'), 'a bare 3 is the afternoon');
    assert.equal(at('in 20 minutes'), NOW + 20 * 60_000);
    assert.equal(at('in an hour'), NOW + 60 * 60_000);
    assert.equal(at('in 1h30m'), NOW + 90 * 60_000);
    assert.equal(at('tomorrow 9:00'), Date.parse('2025-03-11T08:00:00Z'));
    assert.equal(at('tomorrow'), Date.parse('2025-03-11T08:00:00Z'), 'a day alone means 9:00');
    assert.equal(at('at 10am tomorrow'), Date.parse('2025-03-11T09:00:00Z'));
    assert.equal(at('on friday at 10:30'), Date.parse('2025-03-14T09:30:00Z'));
    assert.equal(at('monday at 9am'), Date.parse('2025-03-17T08:00:00Z'), 'this Monday 9:00 has passed');
    assert.equal(
      at('on 2025-04-01 at noon'),
      Date.parse('2025-04-01T10:00:00Z'),
      'after the DST change: UTC+2',
    );
  });

  it('the time zone comes from the user', () => {
    const c = parse('remind me at 3pm to stretch', { timeZone: 'America/Los_Angeles' }) as { dueAt: number };
    // 10:00Z is 03:00 in Los Angeles (PDT since 9 March): 3pm is 22:00Z the same day.
    assert.equal(c.dueAt, Date.parse('2025-03-10T22:00:00Z'));
  });

  it('time errors say what to write', () => {
    assert.match(error('remind me at 25:00 to x'), /not a time of day/);
    assert.match(error('remind me today at 9am to x'), /already passed/);
    assert.match(error('remind me on 2025-02-30 at 9am to x'), /does not exist/);
    assert.match(error('remind me to call the bank'), /When should I call/);
  });

  it('remind: target, time, message in either order', () => {
    assert.deepEqual(parse('remind Adele Vance in 20 minutes to send the deck'), {
      kind: 'remind',
      target: { kind: 'name', text: 'Adele Vance' },
      dueAt: NOW + 20 * 60_000,
      message: 'send the deck',
    });
    assert.deepEqual(parse('remind me to call the bank at 4pm'), {
      kind: 'remind',
      target: { kind: 'me' },
      dueAt: Date.parse('2025-03-10T15:00:00Z'),
      message: 'call the bank',
    });
    assert.deepEqual(parse('remind +14255550100 tomorrow 9:00 your table is ready'), {
      kind: 'remind',
      target: { kind: 'phone', number: '+14255550100' },
      dueAt: Date.parse('2025-03-11T08:00:00Z'),
      message: 'your table is ready',
    });
    assert.match(error('remind me in 5 minutes'), /What should I say/);
  });

  it('join with a link, join alone, join with junk', () => {
    const url = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d';
    assert.deepEqual(parse(`join ${url}`), { kind: 'join', joinUrl: url });
    assert.deepEqual(parse('join <a href="x">' + url + '</a>'), { kind: 'join', joinUrl: url });
    assert.deepEqual(parse('join'), { kind: 'join' });
    assert.match(error('join the meeting'), /join link/);
    // The calling module decides which links are meeting links (it knows every form Teams uses).
    assert.deepEqual(parse('join https://teams.microsoft.com/meet/123456?p=abc'), {
      kind: 'join',
      joinUrl: 'https://teams.microsoft.com/meet/123456?p=abc',
    });
  });

  it('presence, reminders, cancel reminder, calls, frontdesk', () => {
    assert.deepEqual(parse('presence'), { kind: 'presence', people: [] });
    assert.deepEqual(parse('presence adele, megan'), {
      kind: 'presence',
      people: [
        { kind: 'name', text: 'adele' },
        { kind: 'name', text: 'megan' },
      ],
    });
    assert.deepEqual(parse('reminders'), { kind: 'reminders' });
    assert.deepEqual(parse('cancel reminder 2'), { kind: 'cancelReminder', index: 2 });
    assert.deepEqual(parse('cancel reminder #1'), { kind: 'cancelReminder', index: 1 });
    assert.match(error('cancel reminder two'), /cancel reminder 2/);
    assert.deepEqual(parse('calls'), { kind: 'calls' });
    assert.deepEqual(parse('front desk'), { kind: 'frontdesk' });
    assert.match(error('calls now'), /takes nothing/);
  });

  it('queues, a queue, signing in and out of one', () => {
    assert.deepEqual(parse('queues'), { kind: 'queues' });
    assert.deepEqual(parse('queue'), { kind: 'queues' });
    assert.deepEqual(parse('queue Support'), { kind: 'queue', queue: 'Support' });
    assert.deepEqual(parse('queue sign in support'), {
      kind: 'queueSignIn',
      queue: 'support',
      signedIn: true,
    });
    assert.deepEqual(parse('Queue Sign Out support'), {
      kind: 'queueSignIn',
      queue: 'support',
      signedIn: false,
    });
    assert.match(error('queue sign out'), /Name the queue: "queue sign out support"/);
    assert.match(error('queue support sales'), /Name one queue/);
  });

  it('unknown words get a suggestion', () => {
    const r = parseCommand({ text: 'remindres', now: NOW, timeZone: TZ });
    assert.ok(!r.ok);
    assert.equal(r.error.suggestion, 'reminders');
    assert.match(error('xyzzy'), /don't know "xyzzy".*help/);
    assert.match(error(''), /help/);
  });
});

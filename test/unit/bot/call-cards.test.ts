import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { callCard } from '../../../bot/cards/call-card';
import { callsCard } from '../../../bot/cards/calls-card';
import { meetingCard } from '../../../bot/cards/meeting-card';
import type { LiveCall, Person } from '../../../bot/ports';
import { assertValidCard, button, buttons, cardText } from './validate-card';

const FIX = path.join(__dirname, '../../fixtures/bot');
const people = JSON.parse(readFileSync(path.join(FIX, 'people.json'), 'utf8')) as Person[];
const calls = JSON.parse(readFileSync(path.join(FIX, 'calls.json'), 'utf8')) as Record<string, LiveCall>;
const [adele, alex, megan] = people as [Person, Person, Person];
const NOW = 1741600900000;

describe('cards: calls and meetings', () => {
  it('call card: ringing, connected with controls, ended with duration and reason and no controls', () => {
    const ringing = callCard(calls.ringing!, { now: NOW });
    assertValidCard(ringing);
    assert.match(cardText(ringing), /Call with Adele Vance/);
    assert.match(cardText(ringing), /Ringing/);
    assert.match(cardText(ringing), /Adele Vance \(ringing\)/);
    assert.ok(ringing.refresh, 'a live card refreshes');

    const connected = callCard(calls.connected!, { now: NOW, refreshUserIds: ['29:alex'] });
    assertValidCard(connected);
    assert.match(cardText(connected), /Connected · 1 min 37 s so far/);
    assert.deepEqual((button(connected, 'Hang up').data as { command: unknown }).command, {
      kind: 'hangup',
      callId: calls.connected!.id,
    });
    assert.ok(button(connected, 'Transfer…'));
    assert.ok(button(connected, 'Mute…'));
    assert.deepEqual(connected.refresh?.userIds, ['29:alex']);

    const ended = callCard(calls.ended!, { now: NOW });
    assertValidCard(ended);
    assert.match(cardText(ended), /Ended · lasted 2 min 05 s · hung up from the card/);
    // Nobody is still ringing on an ended card: the model says who left.
    assert.match(cardText(ended), /Adele Vance \(left\)/);
    assert.doesNotMatch(cardText(ended), /ringing/);
    assert.equal(buttons(ended).length, 0);
    assert.equal(ended.refresh, undefined);

    const declined = callCard(calls.declined!, { now: NOW });
    assertValidCard(declined);
    assert.match(cardText(declined), /never connected · declined/);
    assert.match(cardText(declined), /\+14255550100 \(declined, phone\)/);
  });

  it('group call card: mute lists only joined, unmuted people not being muted; no transfer', () => {
    const c = callCard(calls.group!, { now: NOW });
    assertValidCard(c);
    const mute = button(c, 'Mute…') as { card: { body: Array<{ choices: Array<{ title: string }> }> } };
    assert.deepEqual(
      mute.card.body[0]!.choices.map((x) => x.title),
      ['Adele Vance'],
    );
    assert.ok(!buttons(c).some((b) => b.title === 'Transfer…'));
    assert.match(cardText(c), /Megan Bowen \(muted\)/);
    // A mute asked for and not yet confirmed by the roster is shown as under way, not as done.
    assert.match(cardText(c), /Alex Wilber \(muting…\)/);
    assert.match(cardText(c), /Lee Gu \(ringing\)/);
  });

  it('calls card: each live call with controls, unique input ids; empty list offers a call', () => {
    const c = callsCard([calls.connected!, calls.group!, calls.ended!], NOW);
    assertValidCard(c);
    assert.match(cardText(c), /Live calls \(2\)/);
    assert.equal(buttons(c).filter((b) => b.title === 'Hang up').length, 2);
    const empty = callsCard([], NOW);
    assertValidCard(empty);
    assert.match(cardText(empty), /no live calls/);
  });

  it('meeting card: time, join link, have the bot join, call everyone in', () => {
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0';
    const m = {
      id: 'm1',
      subject: 'Budget review',
      joinUrl,
      start: NOW,
      end: NOW + 45 * 60_000,
      organizer: alex,
      attendees: [adele, megan],
      joinMeetingId: '123 456',
      passcode: 'abc',
      status: 'scheduled' as const,
    };
    const c = meetingCard(m);
    assertValidCard(c);
    assert.match(
      cardText(c),
      /\{\{DATE\(2025-03-10T10:01:40Z, SHORT\)\}\} \{\{TIME\(2025-03-10T10:01:40Z\)\}\} · 45 min/,
    );
    assert.equal(button(c, 'Join meeting').url, joinUrl);
    assert.deepEqual((button(c, 'Have the bot join').data as { command: unknown }).command, {
      kind: 'join',
      joinUrl,
      subject: 'Budget review',
    });
    // Everyone means the organizer too, and the call is named after the meeting.
    assert.deepEqual((button(c, 'Call everyone in').data as { command: unknown }).command, {
      kind: 'callEveryone',
      joinUrl,
      subject: 'Budget review',
      attendeeIds: [alex.id, adele.id, megan.id],
    });
    const alone = meetingCard({ ...m, attendees: [] });
    assertValidCard(alone);
    assert.ok(!buttons(alone).some((b) => b.title === 'Call everyone in'));
  });
});

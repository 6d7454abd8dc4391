import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { errorCard } from '../../../bot/cards/error-card';
import { flowNoticeCard } from '../../../bot/cards/flow-notice-card';
import { frontDeskCard } from '../../../bot/cards/frontdesk-card';
import { helpCard } from '../../../bot/cards/help-card';
import { escalationCard, ivrCard, reminderOutcomeCard } from '../../../bot/cards/notice-cards';
import { noticeCard } from '../../../bot/cards/notice-card';
import { pickPersonCard } from '../../../bot/cards/pick-card';
import { presenceCard } from '../../../bot/cards/presence-card';
import { reminderSetCard, remindersCard } from '../../../bot/cards/reminder-cards';
import { welcomeCard } from '../../../bot/cards/welcome-card';
import { cardTime } from '../../../bot/cards/elements';
import { showInZone } from '../../../time';
import { CATALOG, usageMarkdown } from '../../../bot/commands/catalog';
import type { Person, Reminder } from '../../../bot/ports';
import { assertValidCard, button, buttons, cardProblems, cardText } from './validate-card';

const FIX = path.join(__dirname, '../../fixtures/bot');
const people = JSON.parse(readFileSync(path.join(FIX, 'people.json'), 'utf8')) as Person[];
const [adele, alex, megan] = people as [Person, Person, Person];
const NOW = 1741600900000;

function reminder(over: Partial<Reminder> = {}): Reminder {
  return {
    id: 'rem-1',
    target: { kind: 'person', person: adele },
    dueAt: Date.parse('2025-03-10T14:00:00Z'),
    message: 'Budget review starts',
    status: 'scheduled',
    requestedBy: { name: 'Alex Wilber', aadObjectId: alex.id },
    ...over,
  };
}

describe('cards', () => {
  it('the validator itself catches a broken card', () => {
    assert.ok(
      cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.ChoiceSet', id: 'x' }] })
        .length > 0,
    );
    assert.ok(
      cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Nonsense' }] }).length > 0,
    );
  });

  it('help lists every command and offers a form for each command that takes arguments', () => {
    const c = helpCard();
    assertValidCard(c);
    const t = cardText(c);
    for (const cmd of CATALOG) assert.ok(t.includes(usageMarkdown(cmd)), `help misses ${cmd.usage}`);
    const titles = buttons(c).map((b) => b.title);
    for (const t of [
      'Call me',
      'Live calls',
      'My reminders',
      'Front desk',
      'Call…',
      'Group call…',
      'Connect…',
      'Meeting…',
      'Join…',
      'Presence…',
      'Remind…',
    ]) {
      assert.ok(titles.includes(t), `no ${t}`);
    }
    assert.deepEqual((button(c, 'Call me').data as { command: unknown }).command, {
      kind: 'call',
      target: { kind: 'me' },
    });
  });

  it('welcome card differs by scope', () => {
    for (const scope of ['personal', 'groupChat', 'channel'] as const) assertValidCard(welcomeCard(scope));
    assert.match(cardText(welcomeCard('channel')), /Mention me/);
    assert.doesNotMatch(cardText(welcomeCard('personal')), /Mention me/);
  });

  it('presence card: a call button beside reachable people only', () => {
    const c = presenceCard([
      { person: adele, presence: { id: adele.id, availability: 'Available', activity: 'Available' } },
      { person: megan, presence: { id: megan.id, availability: 'Busy', activity: 'InACall' } },
      { person: alex, presence: { id: alex.id, availability: 'Offline', activity: 'OffWork' } },
    ]);
    assertValidCard(c);
    assert.equal(buttons(c).filter((b) => b.title === 'Call').length, 2);
    assert.match(cardText(c), /Busy · in a call/);
    assert.match(cardText(c), /Offline · off work/);
  });

  it('reminder cards: set, list numbered with cancel buttons, empty', () => {
    assertValidCard(reminderSetCard(reminder(), { timeZone: 'UTC' }));
    const list = remindersCard([
      reminder(),
      reminder({ id: 'rem-2', target: { kind: 'phone', number: '+14255550100' } }),
    ]);
    assertValidCard(list);
    assert.match(cardText(list), /\*\*2\.\*\* .* · \+14255550100/);
    const cancels = buttons(list).filter((b) => b.title === 'Cancel');
    assert.deepEqual(
      cancels.map((b) => (b.data as { command: { id: string } }).command.id),
      ['rem-1', 'rem-2'],
    );
    assertValidCard(remindersCard([]));
  });

  it("a reminder notice's When is in each viewer's local time, in the cards' one time format", () => {
    const due = Date.parse('2025-07-15T07:00:00Z');
    const card = flowNoticeCard({
      title: 'Reminder for Megan Bowen: confirmed',
      text: 'Megan Bowen confirmed the reminder.',
      // As the reminder flow states it: in the zone of the person who set it.
      facts: [
        { title: 'When', value: showInZone(due, 'Europe/Paris') },
        { title: 'Message', value: 'Budget review at 2025-07-15 09:00' },
      ],
    });
    assertValidCard(card);
    const facts = (card.body[2] as unknown as { facts: { title: string; value: string }[] }).facts;
    assert.deepEqual(facts, [
      { title: 'When', value: cardTime(due) },
      { title: 'Message', value: 'Budget review at 2025-07-15 09:00' },
    ]);
    assert.doesNotMatch(cardText(card), /Europe\/Paris/);
  });

  it("a reminder set card's plain text states the time in the user's time zone", () => {
    const card = reminderSetCard(reminder(), { timeZone: 'America/Los_Angeles' });
    assert.equal(
      card.fallbackText,
      `Reminder set for ${showInZone(reminder().dueAt, 'America/Los_Angeles')}`,
    );
    assert.match(card.fallbackText ?? '', /07:00 \(America\/Los_Angeles\)/);
  });

  it('front desk card: a switch per rule, alerts button only when not here', () => {
    const rules = [
      {
        id: 'hours',
        name: 'Office hours',
        description: 'Outside 9–17, play the closed message',
        enabled: true,
      },
      { id: 'vip', name: 'VIP', description: 'Ring Adele for +1425555', enabled: false },
    ];
    const c = frontDeskCard(rules, { alertsHere: false });
    assertValidCard(c);
    assert.deepEqual((button(c, 'Switch off').data as { command: unknown }).command, {
      kind: 'frontdeskSet',
      ruleId: 'hours',
      enabled: false,
    });
    assert.deepEqual((button(c, 'Switch on').data as { command: unknown }).command, {
      kind: 'frontdeskSet',
      ruleId: 'vip',
      enabled: true,
    });
    assert.ok(button(c, 'Post alerts in this chat'));
    const here = frontDeskCard([], { alertsHere: true });
    assertValidCard(here);
    assert.ok(!buttons(here).some((b) => b.title === 'Post alerts in this chat'));
  });

  it('pick card: one button per candidate, each re-running the command with that person', () => {
    const c = pickPersonCard('adele', [adele, people[5]!], (p) => ({
      kind: 'call',
      target: { kind: 'id', id: p.id },
    }));
    assertValidCard(c);
    const picks = buttons(c).filter((b) => b.title === 'Pick');
    assert.deepEqual(
      picks.map(
        (b) => (b.data as { command: { target: { id: string } }; replace: boolean }).command.target.id,
      ),
      [adele.id, people[5]!.id],
    );
    assert.ok(picks.every((b) => (b.data as { replace?: boolean }).replace === true));
  });

  it('error card: problem, hint, usage and a try button', () => {
    const c = errorCard({
      title: 'Who is that?',
      message: 'Nobody is called "zed".',
      hint: 'Use their email address.',
      command: 'call',
      code: 'not_found',
    });
    assertValidCard(c);
    const t = cardText(c);
    assert.match(t, /Nobody is called "zed"/);
    assert.match(t, /Use their email address/);
    assert.match(t, /Usage: \*\*call\*\* _person or number_/);
    assert.match(t, /Error code: not_found/);
    assert.deepEqual(button(c, 'Try "call me"').data, { msteams: { type: 'imBack', value: 'call me' } });
  });

  it('notification cards: reminder outcomes, escalation, IVR', () => {
    for (const outcome of ['answered', 'declined', 'noAnswer', 'busy', 'failed'] as const) {
      const c = reminderOutcomeCard({ reminder: reminder(), outcome, detail: 'the number does not exist' });
      assertValidCard(c);
      assert.equal(
        buttons(c).some((b) => b.title === 'Call now'),
        outcome !== 'answered',
      );
    }
    assert.match(
      cardText(reminderOutcomeCard({ reminder: reminder(), outcome: 'failed', detail: 'no licence' })),
      /no licence/,
    );
    const e = escalationCard({
      caller: { name: 'Contoso customer', phone: '+14255550199' },
      reason: 'pressed 0 for an operator',
      at: NOW,
      callId: 'c1',
    });
    assertValidCard(e);
    assert.deepEqual((button(e, 'Call back').data as { command: unknown }).command, {
      kind: 'call',
      target: { kind: 'phone', number: '+14255550199' },
    });
    const i = ivrCard({
      caller: { name: 'Adele Vance', personId: adele.id },
      menu: 'Main menu',
      summary: 'Chose 2: billing',
      at: NOW,
    });
    assertValidCard(i);
    assert.match(cardText(i), /Chose 2: billing/);
    assertValidCard(noticeCard('Done', 'It is done.'));
  });

  it('a flow notice is a valid card with its title, sentence and facts, drawn by the bot', () => {
    const card = flowNoticeCard({
      title: 'Reminder for Megan Bowen: confirmed',
      text: 'Megan answered and pressed 1.',
      facts: [{ title: 'When', value: '09:00 UTC' }],
    });
    assertValidCard(card);
    assert.match(cardText(card), /Reminder for Megan Bowen: confirmed/);
    assert.match(cardText(card), /pressed 1/);
    assert.equal(card.body[2]?.type, 'FactSet');
  });
});

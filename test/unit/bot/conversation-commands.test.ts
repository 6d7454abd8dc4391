import assert from 'node:assert/strict';
import { helpCard } from '../../../bot/cards/help-card';
import { BotError } from '../../../bot/errors';
import { alex, adele, cardOf, CONVERSATION, harness, megan, type Activity } from './harness';
import { assertValidCard, button, buttons, cardText } from './validate-card';

const JOIN = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';

/** The data a form button sends: its own data with the inputs merged in, as Teams does. */
function filled(action: Record<string, unknown>, inputs: Record<string, string>): Record<string, unknown> {
  return { ...action, data: { ...(action.data as object), ...inputs } };
}

function formSubmit(card: ReturnType<typeof helpCard>, title: string): Record<string, unknown> {
  const b = button(card, title) as { card: { actions: Array<Record<string, unknown>> } };
  return b.card.actions[0]!;
}

describe('bot conversation: meetings, presence, reminders, front desk, notifications', () => {
  it("meet creates the meeting on the requester's behalf in their time zone and posts its card", async () => {
    const h = harness();
    const [out] = await h.say('meet Budget review at 3pm for 45m with megan');
    const [req] = h.fake.ops('createMeeting')[0]! as [
      {
        organizer: { id: string };
        subject: string;
        start: number;
        end: number;
        attendees: Array<{ id: string }>;
      },
    ];
    assert.equal(req.organizer.id, alex.id);
    assert.equal(req.subject, 'Budget review');
    assert.equal(req.start, Date.parse('2025-03-10T14:00:00Z'), '3pm in Berlin');
    assert.equal(req.end - req.start, 45 * 60_000);
    assert.deepEqual(
      req.attendees.map((p) => p.id),
      [megan.id],
    );
    const card = cardOf(out);
    assertValidCard(card);

    await h.execute(button(card, 'Have the bot join'), out!.id!);
    const [url, , invitees, subject] = h.fake.ops('joinMeeting')[0]!;
    assert.equal(url, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_fake%40thread.v2/0');
    assert.equal(invitees, undefined);
    assert.equal(subject, 'Budget review');
    const callCard = h.adapter.sent.filter((a) => a.attachments).at(-1)!;
    assert.match(cardText(cardOf(callCard)), /Meeting: Budget review/);
    const posted = h.adapter.sent.length;

    // The bot is in that meeting already: everyone, the organizer included, is invited into its call.
    await h.execute(button(card, 'Call everyone in'), out!.id!);
    assert.equal(h.fake.ops('joinMeeting').length, 1, 'no second call in the same meeting');
    assert.deepEqual(
      h.fake
        .ops('invite')
        .map(([callId, target]) => [callId, (target as { person: { id: string } }).person.id]),
      [
        ['call-1', alex.id],
        ['call-1', megan.id],
      ],
    );
    // One meeting, one card: the call's card is updated, no second one is posted.
    assert.equal(h.adapter.sent.filter((a, i) => i >= posted && a.attachments).length, 0);
    assert.ok(h.adapter.updated.some((a) => a.id === callCard.id));
    // Buttons that start something never replace the meeting card.
    assert.ok(!h.adapter.updated.some((a) => a.id === out!.id));
  });

  it('meet with nobody named and no subject still makes a sensible meeting; a guest cannot organize', async () => {
    const h = harness();
    await h.say('meet with megan');
    const [req] = h.fake.ops('createMeeting')[0]! as [{ subject: string; start: number }];
    assert.equal(req.subject, 'Meeting with Megan');
    assert.equal(req.start, h.clock);
    const [guest] = await h.say('meet Sync', { from: { id: '29:guest', name: 'Guest' } });
    assert.match(cardText(cardOf(guest)), /not in this organization's directory/);
  });

  it('join with a link joins; join alone joins the meeting of a meeting chat, and explains itself elsewhere', async () => {
    const h = harness({ roster: { meetingJoinUrl: async () => JOIN } });
    const [first] = await h.say(`join ${JOIN}`);
    const [again] = await h.say('join');
    // One meeting, one call: the second join finds the bot already in, and shows that call's card.
    assert.deepEqual(
      h.fake.ops('joinMeeting').map((a) => a[0]),
      [JOIN],
    );
    assert.equal(again, undefined, 'no second card');
    assert.ok(h.adapter.updated.some((a) => a.id === first!.id));
    const plain = harness();
    const [out] = await plain.say('join');
    assert.match(cardText(cardOf(out)), /does not belong to a meeting/);
  });

  it('presence shows availability with call buttons; alone in a group chat it shows the members', async () => {
    const h = harness({
      members: [
        { id: '29:adele', name: 'Adele Vance', aadObjectId: adele.id },
        { id: '29:megan', name: 'Megan Bowen', aadObjectId: megan.id },
      ],
    });
    h.fake.presence.set(megan.id, { id: megan.id, availability: 'Available', activity: 'Available' });
    h.fake.presence.set(adele.id, { id: adele.id, availability: 'DoNotDisturb', activity: 'Presenting' });
    const [out] = await h.say('presence megan');
    const card = cardOf(out);
    assertValidCard(card);
    assert.match(cardText(card), /Megan Bowen/);
    const call = button(card, 'Call');
    await h.execute(call, out!.id!);
    assert.deepEqual(h.fake.ops('connect')[0]![1], { kind: 'person', person: megan });

    const [group] = await h.say('presence', {
      conversation: { ...CONVERSATION, id: 'g', conversationType: 'groupChat', isGroup: true },
    });
    const t = cardText(cardOf(group));
    assert.match(t, /Adele Vance[\s\S]*Do not disturb · presenting/);
    assert.equal(
      buttons(cardOf(group)).filter((b) => b.title === 'Call').length,
      1,
      'no call button for do-not-disturb',
    );
  });

  it('remind, reminders, cancel reminder', async () => {
    const h = harness();
    const [set] = await h.say('remind me in 20 minutes to stretch');
    const [req] = h.fake.ops('schedule')[0]! as [
      { dueAt: number; message: string; replyTo: string; target: unknown; timeZone?: string },
    ];
    assert.equal(req.dueAt, h.clock + 20 * 60_000);
    assert.equal(req.timeZone, 'Europe/Berlin', "the user's zone from localTimezone goes with it");
    assert.equal(req.message, 'stretch');
    assert.equal(req.replyTo, CONVERSATION.id);
    assert.deepEqual(req.target, { kind: 'person', person: alex });
    assertValidCard(cardOf(set));
    await h.say('remind +14255550100 tomorrow 9:00 your table is ready');

    const [list] = await h.say('reminders');
    const t = cardText(cardOf(list));
    assert.match(t, /\*\*1\.\*\*.*Alex Wilber[\s\S]*\*\*2\.\*\*.*\+14255550100/);

    const [cancelled] = await h.say('cancel reminder 2');
    assert.match(cardText(cardOf(cancelled)), /Reminder cancelled/);
    assert.equal(h.fake.reminders.find((r) => r.message === 'your table is ready')!.status, 'cancelled');
    const [missing] = await h.say('cancel reminder 5');
    assert.match(cardText(cardOf(missing)), /no pending reminder number 5/);

    // The list's Cancel button replaces the list with the shorter one.
    const [list2] = await h.say('reminders');
    const resp = await h.execute(button(cardOf(list2), 'Cancel'), list2!.id!);
    assert.match(cardText(resp.body.value as never), /no pending reminders/);
  });

  it('front desk: switches replace the card; "post alerts here" routes escalations to this chat', async () => {
    const h = harness();
    const [fd] = await h.say('frontdesk');
    const card = cardOf(fd);
    assertValidCard(card);
    const resp = await h.execute(button(card, 'Switch on'), fd!.id!);
    assert.deepEqual(h.fake.ops('setRule')[0]!.slice(0, 2), ['vip', true]);
    assert.match(cardText(resp.body.value as never), /VIP line\*\* · on/);
    assert.equal(h.adapter.updated.at(-1)!.id, fd!.id);

    await assert.rejects(
      h.sb.notifier.escalation({
        caller: { name: 'Caller', phone: '+14255550199' },
        reason: 'pressed 0',
        at: h.clock,
      }),
      (e: unknown) => e instanceof BotError && e.code === 'no_alerts_chat',
    );
    await h.execute(button(card, 'Post alerts in this chat'), fd!.id!);
    const before = h.adapter.sent.length;
    const posted = await h.sb.notifier.escalation({
      caller: { name: 'Caller', phone: '+14255550199' },
      reason: 'pressed 0',
      at: h.clock,
    });
    assert.equal(posted.conversationId, CONVERSATION.id);
    const alert = h.adapter.sent[before]!;
    assert.equal(alert.conversation!.id, CONVERSATION.id);
    assertValidCard(cardOf(alert));
    assert.match(cardText(cardOf(alert)), /A caller needs someone/);
  });

  it('reminder outcomes are posted where the reminder was set; IVR notices go to the alerts chat', async () => {
    const h = harness();
    await h.say('remind me in 5 minutes to stretch');
    const reminder = h.fake.reminders[0]!;
    await h.sb.notifier.reminderOutcome({ reminder, outcome: 'noAnswer', replyTo: CONVERSATION.id });
    const card = cardOf(h.adapter.sent.at(-1));
    assertValidCard(card);
    assert.match(cardText(card), /did not take the reminder call \(no answer\)/);
    await assert.rejects(
      h.sb.notifier.ivr({ caller: { name: 'X' }, menu: 'Main', summary: 's', at: 0, replyTo: 'nowhere' }),
      /never been in conversation nowhere/,
    );
  });

  it('Action.Submit: imBack text runs as a message; run data works like Execute', async () => {
    const h = harness();
    const [help] = await h.submit({ msteams: { type: 'imBack', value: 'help' } }, 'x');
    assert.match(cardText(cardOf(help)), /Switchboard commands/);
    const [fd] = await h.say('frontdesk');
    await h.submit(
      { sb: 'run', command: { kind: 'frontdeskSet', ruleId: 'hours', enabled: false } },
      fd!.id!,
    );
    assert.equal(h.fake.rules[0]!.enabled, false);
    assert.equal(h.adapter.updated.at(-1)!.id, fd!.id);
  });

  it('help card forms run their command', async () => {
    const h = harness();
    const card = helpCard();
    await h.execute(filled(formSubmit(card, 'Call…'), { 'call.who': 'megan' }), 'help-1');
    assert.deepEqual(h.fake.ops('connect')[0]![1], { kind: 'person', person: megan });
    await h.execute(
      filled(formSubmit(card, 'Meeting…'), {
        'meet.subject': 'Plan for Q3',
        'meet.when': '3pm',
        'meet.duration': '1h',
        'meet.with': 'megan',
      }),
      'help-1',
    );
    const [req] = h.fake.ops('createMeeting')[0]! as [{ subject: string; start: number; end: number }];
    assert.equal(req.subject, 'Plan for Q3');
    assert.equal(req.start, Date.parse('2025-03-10T14:00:00Z'));
    assert.equal(req.end - req.start, 3_600_000);
    await h.execute(
      filled(formSubmit(card, 'Remind…'), {
        'remind.who': 'Megan Bowen',
        'remind.when': 'in 10 minutes',
        'remind.message': 'stand up',
      }),
      'help-1',
    );
    assert.equal((h.fake.ops('schedule')[0]![0] as { message: string }).message, 'stand up');
    await h.execute(
      filled(formSubmit(card, 'Connect…'), { 'connect.a': 'Megan Bowen', 'connect.b': '+14255550100' }),
      'help-1',
    );
    assert.equal(h.fake.ops('connect').length, 2);
    const resp = await h.execute(filled(formSubmit(card, 'Call…'), { 'call.who': '4255550100' }), 'help-1');
    assert.equal(resp.body.type, 'application/vnd.microsoft.activity.message');
    assert.match(cardText(cardOf(h.adapter.sent.at(-2))), /E\.164/);
  });

  it('tampered button data is refused with an error card', async () => {
    const h = harness();
    const out = await h.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'x',
      value: {
        action: { type: 'Action.Execute', verb: 'hangup', data: { sb: 'run', command: { kind: 'hangup' } } },
      },
    } as Partial<Activity>);
    assert.match(cardText(cardOf(out.find((a) => a.type === 'message'))), /cannot read/);
    assert.equal(h.fake.ops('hangUp').length, 0);
  });
});

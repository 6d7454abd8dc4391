// Meetings after the fact in a conversation on botbuilder's TestAdapter: the organizer moves and
// cancels from chat and from the meeting card's buttons, the card is edited in place (cancelled: who
// did it, no buttons; over: who attended and for how long), and anyone else is told who may.
import assert from 'node:assert/strict';
import type { Meeting } from '../../../bot/ports';
import { alex, cardOf, harness, megan, until, type Activity, type Harness } from './harness';
import { assertValidCard, button, buttons, cardText } from './validate-card';

const MEGAN_USER = { from: { id: '29:megan', name: 'Megan Bowen', aadObjectId: megan.id } };

/** The user creates a meeting; answers the activity of its card and the meeting. */
async function meet(h: Harness, text = 'meet Budget review tomorrow at 10:00 for 30m with megan') {
  const [out] = await h.say(text);
  const meeting = [...h.fake.meetings.values()].at(-1)!;
  return { activity: out!, card: cardOf(out), meeting };
}

/** The newest edit of an activity. */
function lastEdit(h: Harness, activityId: string): Partial<Activity> | undefined {
  return h.adapter.updated.filter((a) => a.id === activityId).at(-1);
}

describe('bot conversation: meetings after the fact', () => {
  it('the meeting card offers Move… and Cancel meeting with its own meeting id', async () => {
    const h = harness();
    const { card, meeting } = await meet(h);
    assertValidCard(card);
    const cancel = button(card, 'Cancel meeting') as { data: { command: unknown } };
    assert.deepEqual(cancel.data.command, { kind: 'meetingCancel', meetingId: meeting.id });
    const move = button(card, 'Move…') as { card: { actions: Array<{ data: unknown }> } };
    assert.deepEqual(move.card.actions[0]?.data, { sb: 'form', form: 'meetingMove', meetingId: meeting.id });
  });

  it('"meeting move to 4pm" moves the chat’s latest meeting on its own day, keeps its length and edits its card', async () => {
    const h = harness();
    const { activity, meeting } = await meet(h);
    const [notice] = await h.say('meeting move to 4pm');
    const [id, to, by] = h.fake.ops('moveMeeting')[0]! as [
      string,
      { start: number; end: number },
      { name: string },
    ];
    assert.equal(id, meeting.id);
    // Tomorrow (the meeting's day) at 16:00 in Berlin, still 30 minutes.
    assert.deepEqual(to, {
      start: Date.parse('2025-03-11T15:00:00Z'),
      end: Date.parse('2025-03-11T15:30:00Z'),
    });
    assert.equal(by.name, 'Alex Wilber');
    assert.match(cardText(cardOf(notice)), /Meeting moved/);
    await until(() => lastEdit(h, activity.id!) !== undefined, 'the meeting card edited');
    const edited = cardOf(lastEdit(h, activity.id!));
    assertValidCard(edited);
    assert.match(cardText(edited), /2025-03-11T15:00:00Z/);
    assert.match(cardText(edited), /Moved by Alex Wilber/);
  });

  it('"meeting move <subject> to <day and time> for <length>" finds the organizer’s meeting by subject', async () => {
    const h = harness();
    await meet(h, 'meet Budget review tomorrow at 10:00');
    await meet(h, 'meet Roadmap tomorrow at 11:00');
    await h.say('meeting move budget review to friday 9:00 for 45m');
    const [id, to] = h.fake.ops('moveMeeting')[0]! as [string, { start: number; end: number }];
    assert.equal(h.fake.meetings.get(id)?.subject, 'Budget review');
    assert.deepEqual(to, {
      start: Date.parse('2025-03-14T08:00:00Z'),
      end: Date.parse('2025-03-14T08:45:00Z'),
    });
  });

  it('several meetings matching a subject get a pick card, never a guess', async () => {
    const h = harness();
    await meet(h, 'meet "Sync: sales" tomorrow at 10:00');
    await meet(h, 'meet "Sync: legal" tomorrow at 11:00');
    const [out] = await h.say('meeting cancel sync');
    const card = cardOf(out);
    assertValidCard(card);
    assert.match(cardText(card), /Which "sync" did you mean/);
    assert.equal(buttons(card).filter((b) => b.title === 'Pick').length, 2);
    assert.equal(h.fake.ops('cancelMeeting').length, 0);
  });

  it('someone other than the organizer is told who may, and nothing changes', async () => {
    const h = harness();
    const { card, activity } = await meet(h);
    const [typed] = await h.say('meeting cancel', MEGAN_USER);
    assert.match(cardText(cardOf(typed)), /Only Alex Wilber, who organized "Budget review", can cancel it/);
    const clicked = await h.execute(button(card, 'Cancel meeting'), activity.id!, MEGAN_USER);
    assert.equal(clicked.body.type, 'application/vnd.microsoft.activity.message', 'the card is left alone');
    const posted = h.adapter.sent.filter((a) => a.type === 'message').at(-1);
    assert.match(cardText(cardOf(posted)), /Only Alex Wilber/);
    assert.equal(h.fake.ops('cancelMeeting').length, 0);
    assert.equal(lastEdit(h, activity.id!), undefined);
  });

  it('"Cancel meeting" on the card turns it into "Cancelled by …" without buttons', async () => {
    const h = harness();
    const { card, activity, meeting } = await meet(h);
    const res = await h.execute(button(card, 'Cancel meeting'), activity.id!);
    assert.deepEqual(h.fake.ops('cancelMeeting')[0]?.[0], meeting.id);
    const shown = res.body.value as Parameters<typeof cardText>[0];
    assertValidCard(shown);
    assert.match(cardText(shown), /Cancelled by Alex Wilber/);
    assert.deepEqual(buttons(shown), []);
    const [again] = await h.say('meeting cancel');
    assert.match(cardText(cardOf(again)), /no upcoming meeting in this chat/);
  });

  it('the card’s Move… form moves that meeting and shows the new time in place', async () => {
    const h = harness();
    const { card, activity, meeting } = await meet(h);
    const form = (button(card, 'Move…') as { card: { actions: Array<Record<string, unknown>> } }).card
      .actions[0]!;
    const res = await h.execute(
      {
        ...form,
        data: {
          ...(form.data as object),
          [`meetingMove.when.${meeting.id}`]: 'tomorrow 12:00',
          [`meetingMove.duration.${meeting.id}`]: '1h',
        },
      },
      activity.id!,
    );
    const [, to] = h.fake.ops('moveMeeting')[0]! as [string, { start: number; end: number }];
    assert.deepEqual(to, {
      start: Date.parse('2025-03-11T11:00:00Z'),
      end: Date.parse('2025-03-11T12:00:00Z'),
    });
    assert.match(
      cardText(res.body.value as Parameters<typeof cardText>[0]),
      /2025-03-11T11:00:00Z\)\}\} · 1 h/,
    );
  });

  it('shows who attended and for how long once the attendance is known, by name', async () => {
    const h = harness();
    const { activity, meeting } = await meet(h);
    const attended: Meeting = {
      ...h.fake.meetings.get(meeting.id)!,
      attendance: {
        people: [
          { name: 'Alex Wilber', seconds: 1830 },
          { name: 'Megan Bowen', seconds: 720 },
          { name: 'A guest', seconds: 45 },
        ],
        startedAt: Date.parse('2025-03-11T09:00:00Z'),
        endedAt: Date.parse('2025-03-11T09:31:00Z'),
      },
    };
    h.fake.putMeeting(attended);
    await until(() => lastEdit(h, activity.id!) !== undefined, 'the meeting card edited');
    const card = cardOf(lastEdit(h, activity.id!));
    assertValidCard(card);
    const t = cardText(card);
    assert.match(t, /Attended/);
    assert.match(t, /3 attendees/);
    assert.match(t, /Alex Wilber.*31 min/s);
    assert.match(t, /Megan Bowen.*12 min/s);
    assert.match(t, /A guest.*45 s/s);
    assert.doesNotMatch(t, new RegExp(alex.id));
  });
});

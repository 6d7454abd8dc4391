// Meetings after the fact against the emulator: the organizer moves and cancels a meeting Switchboard
// made, from chat (typed, and the card's buttons) and from the tab (on-behalf-of her); the emulator's
// meeting follows, the chat card is edited in place whichever surface made the change, and someone
// else is refused before anything reaches Graph.
import assert from 'node:assert/strict';
import { button, buttons, cardText } from '../../unit/bot/validate-card';
import { ADELE, ALEX, cardOf, until, useMeetingWorld, type Json } from './meeting-world';

const DAY = 86_400_000;

/** Tomorrow at hh:mm UTC. */
function tomorrowAt(hour: number, minute = 0): number {
  const d = new Date(Date.now() + DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute);
}

describe('e2e: meetings after the fact, from chat and from the tab', function () {
  this.timeout(90_000);
  const w = useMeetingWorld();

  /** Adele makes a meeting in chat; answers its card's activity id, the card and the emulator's meeting. */
  async function meetInChat(subject: string, conversation?: string) {
    const [posted] = await w.say(
      ADELE,
      `meet ${subject} tomorrow at 10:00 for 30m with Megan Bowen`,
      conversation,
    );
    assert.ok(posted, 'the meeting card was posted');
    const card = cardOf(posted);
    assert.doesNotMatch(cardText(card), /Error code/, cardText(card));
    const meetingId = ((button(card, 'Cancel meeting').data as Json).command as Json).meetingId as string;
    const emulated = (await w.meetings()).find((m) => m.id === meetingId);
    assert.ok(emulated, 'the emulator has the meeting the card names');
    assert.equal(Date.parse(emulated.startDateTime), tomorrowAt(10));
    return { activityId: w.idOf(posted), card, meetingId };
  }

  const emulated = async (id: string) => (await w.meetings()).find((m) => m.id === id);

  it('"meeting move to 15:00" moves the chat’s meeting in Teams and edits its card in place', async () => {
    const m = await meetInChat('Move check');
    const [notice] = await w.say(ADELE, 'meeting move to 15:00');
    assert.match(cardText(cardOf(notice)), /Meeting moved/, cardText(cardOf(notice)));
    const now = await emulated(m.meetingId);
    assert.equal(Date.parse(now.startDateTime), tomorrowAt(15));
    assert.equal(Date.parse(now.endDateTime), tomorrowAt(15, 30));
    const edit = await until(() => w.edits(m.activityId).at(-1), 'the meeting card edited');
    const shown = cardText(cardOf(edit));
    assert.match(shown, new RegExp(new Date(tomorrowAt(15)).toISOString().slice(0, 16)));
    assert.match(shown, /Moved by Adele Vance/);
  });

  it('refuses someone other than the organizer, typed or pressed, and leaves the meeting alone', async () => {
    const m = await meetInChat('Refusal check', 'conv-refusal');
    const [typed] = await w.say(ALEX, 'meeting cancel', 'conv-refusal');
    assert.match(cardText(cardOf(typed)), /Only Adele Vance, who organized "Refusal check", can cancel it/);
    await w.press(ALEX, button(m.card, 'Cancel meeting'), m.activityId, 'conv-refusal');
    const [, moveForm] = buttons(m.card).filter((b) => b.title === 'Move…' || b.title === 'Move meeting');
    assert.ok(moveForm);
    await w.press(
      ALEX,
      { ...moveForm, data: { ...(moveForm.data as Json), [`meetingMove.when.${m.meetingId}`]: '16:00' } },
      m.activityId,
      'conv-refusal',
    );
    const still = await emulated(m.meetingId);
    assert.ok(still, 'the meeting is still there');
    assert.equal(Date.parse(still.startDateTime), tomorrowAt(10));
    assert.deepEqual(w.edits(m.activityId), [], 'the card was not touched');
  });

  it('"Cancel meeting" on the card deletes it in Teams and leaves "Cancelled by" without buttons', async () => {
    const m = await meetInChat('Cancel check', 'conv-cancel');
    const res = await w.press(ADELE, button(m.card, 'Cancel meeting'), m.activityId, 'conv-cancel');
    assert.equal(res.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(res));
    assert.match(cardText(res.value), /Cancelled by Adele Vance/);
    assert.deepEqual(buttons(res.value), []);
    assert.equal(await emulated(m.meetingId), undefined, 'gone from Teams');
    const edit = await until(() => w.edits(m.activityId).at(-1), 'the meeting card edited');
    assert.match(cardText(cardOf(edit)), /Cancelled by Adele Vance/);
  });

  it('from the tab: the organizer moves and cancels her meeting on-behalf-of herself; others get 403', async () => {
    const start = tomorrowAt(9);
    const made = await w.tab(ADELE, 'POST', '/meetings', {
      subject: 'Tab planning',
      startDateTime: new Date(start).toISOString(),
      endDateTime: new Date(start + 30 * 60_000).toISOString(),
      attendees: [ALEX.id],
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const id = made.body.meeting.id as string;
    assert.equal(made.body.meeting.canChange, true);
    const path = `/meetings/${encodeURIComponent(id)}`;
    const to = {
      startDateTime: new Date(tomorrowAt(13)).toISOString(),
      endDateTime: new Date(tomorrowAt(14)).toISOString(),
    };
    const refused = await w.tab(ALEX, 'PATCH', path, to);
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'not_organizer');
    assert.match(refused.body.error.message, /Only Adele Vance/);

    const moved = await w.tab(ADELE, 'PATCH', path, to);
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(Date.parse((await emulated(id)).startDateTime), tomorrowAt(13));
    assert.equal(Date.parse((await emulated(id)).endDateTime), tomorrowAt(14));

    assert.equal((await w.tab(ALEX, 'DELETE', path)).status, 403);
    const cancelled = await w.tab(ADELE, 'DELETE', path);
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.meeting.status, 'cancelled');
    assert.equal(await emulated(id), undefined);
    const again = await w.tab(ADELE, 'PATCH', path, to);
    assert.equal(again.status, 409);
  });

  it('a meeting made in chat and moved from the tab has its chat card edited too', async () => {
    const m = await meetInChat('Across surfaces', 'conv-across');
    const mine = await w.tab(ADELE, 'GET', '/meetings');
    assert.ok(mine.body.meetings.some((x: Json) => x.id === m.meetingId && x.canChange === true));
    const moved = await w.tab(ADELE, 'PATCH', `/meetings/${encodeURIComponent(m.meetingId)}`, {
      startDateTime: new Date(tomorrowAt(11)).toISOString(),
      endDateTime: new Date(tomorrowAt(11, 45)).toISOString(),
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const edit = await until(() => w.edits(m.activityId).at(-1), 'the chat card edited');
    const shown = cardText(cardOf(edit));
    assert.match(shown, new RegExp(new Date(tomorrowAt(11)).toISOString().slice(0, 16)));
    assert.match(shown, /45 min/);
  });
});

// Who attended, against the emulator: Adele makes a meeting in chat and has Switchboard call Megan and
// Alex into it; they leave at different times on the emulator's clock; when Switchboard's own call in
// the meeting ends, the attendance report is read and the meeting card lists them by name with how long
// each stayed. The tab reads the same report on demand for the organizer and shows it to the meeting.
import assert from 'node:assert/strict';
import { button, cardText } from '../../unit/bot/validate-card';
import { ADELE, ALEX, MEGAN, cardOf, until, useMeetingWorld, type Json } from './meeting-world';

describe('e2e: attendance after a meeting', function () {
  this.timeout(120_000);
  const w = useMeetingWorld();
  const emu = () => w.stack.emu;

  it('lists who attended and for how long on the meeting card and in the tab', async () => {
    for (const p of [MEGAN, ALEX])
      await emu().control('PUT', `/emulator/people/${p.id}/script`, { onRing: 'answer', answerAfterMs: 300 });
    const [posted] = await w.say(ADELE, 'meet Attendance check for 30m with Megan Bowen, Alex Wilber');
    assert.ok(posted);
    const card = cardOf(posted);
    const cardId = w.idOf(posted);
    const meetingId = ((button(card, 'Cancel meeting').data as Json).command as Json).meetingId as string;
    const attendance = async () =>
      (await emu().control('GET', `/emulator/meetings/${encodeURIComponent(meetingId)}/attendance`)).body;

    await w.press(ADELE, button(card, 'Call everyone in'), cardId);
    await until(async () => {
      const now = (await attendance()).inProgress?.attendanceRecords as Json[] | undefined;
      const ids = (now ?? []).map((r) => r.identity.id);
      return ids.includes(MEGAN.id) && ids.includes(ALEX.id) ? true : undefined;
    }, 'Megan and Alex in the meeting');
    const calls = (await emu().control('GET', '/emulator/calls')).body.value as Json[];
    const inMeeting = calls.find((c) => c.kind === 'meeting' && c.state === 'established');
    assert.ok(inMeeting, JSON.stringify(calls));

    await emu().control('POST', '/emulator/clock/advance', { minutes: 2 });
    await emu().control('POST', `/emulator/calls/${inMeeting.id}/hangup`, { personId: MEGAN.id });
    await emu().control('POST', '/emulator/clock/advance', { minutes: 3 });
    await emu().control('POST', `/emulator/calls/${inMeeting.id}/hangup`, { personId: ALEX.id });
    const [ours] = await w.stack.calling.listCalls({ active: true });
    assert.ok(ours, 'Switchboard is still in the meeting');
    await w.stack.calling.hangUp(ours.id);

    const edit = await until(
      () => w.edits(cardId).find((e) => /Attended/.test(cardText(cardOf(e)))),
      'the meeting card listing who attended',
    );
    const shown = cardText(cardOf(edit));
    assert.match(shown, /Megan Bowen: 2 min/, shown);
    assert.match(shown, /Alex Wilber: 5 min/, shown);
    for (const id of [MEGAN.id, ALEX.id, emu().appId])
      assert.ok(!shown.includes(id), `no raw id in ${shown}`);

    const path = `/meetings/${encodeURIComponent(meetingId)}/attendance`;
    assert.equal((await w.tab(ALEX, 'GET', path)).status, 403, 'only the organizer reads the report');
    const read = await w.tab(ADELE, 'GET', path);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    const megan = (read.body.attendance.people as Json[]).find((p) => p.name === 'Megan Bowen');
    assert.ok(megan && megan.seconds >= 120 && megan.seconds < 180, JSON.stringify(read.body.attendance));
    const thread = (await w.meetings()).find((m) => m.id === meetingId)?.chatInfo?.threadId as string;
    const view = await w.tab(MEGAN, 'GET', `/meeting?chatId=${encodeURIComponent(thread)}`);
    assert.ok(
      (view.body.meeting.attendance.people as Json[]).some((p) => p.name === 'Alex Wilber'),
      JSON.stringify(view.body.meeting),
    );
  });

  it('says which permission to grant when attendance reports may not be read', async () => {
    const start = Date.now() + 3600_000;
    const made = await w.tab(ADELE, 'POST', '/meetings', {
      subject: 'No artifacts',
      startDateTime: new Date(start).toISOString(),
      endDateTime: new Date(start + 30 * 60_000).toISOString(),
      attendees: [],
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const app = `/emulator/apps/${emu().appId}`;
    const seeded = (emu().tenant.apps as Json[]).find((a) => a.appId === emu().appId)
      .delegatedConsent as string[];
    await emu().control('PATCH', app, {
      delegatedConsent: seeded.filter((p) => p !== 'OnlineMeetingArtifact.Read.All'),
    });
    try {
      const read = await w.tab(
        ADELE,
        'GET',
        `/meetings/${encodeURIComponent(made.body.meeting.id)}/attendance`,
      );
      assert.equal(read.status, 502, JSON.stringify(read.body));
      assert.equal(read.body.error.code, 'graph_permission_missing');
      assert.match(read.body.error.message, /delegated Graph permission OnlineMeetingArtifact\.Read\.All/);
      assert.match(read.body.error.message, /admin consent/);
    } finally {
      await emu().control('PATCH', app, { delegatedConsent: seeded });
    }
  });
});

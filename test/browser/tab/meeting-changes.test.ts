// Meetings after the fact in the tab, in the emulated Teams host: the organizer reschedules and cancels
// a meeting from her list beside the new-meeting form; in the meeting's side panel, once Switchboard and
// Megan have been in it and left, "Show attendance" lists Megan by name with how long she stayed.
import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { saveScreenshot } from '../../helpers/browser';
import { openTab, useTabWorld, waitUntil } from './tab-harness';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const MEGAN = '2c0fd3f4-495a-4f8d-9668-9ce043008303';

interface EmuMeeting {
  id: string;
  subject?: string;
  startDateTime: string;
  endDateTime: string;
}

/** datetime-local's value (local time), as the tab's inputs take it. */
function localValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe('browser: rescheduling, cancelling and attendance in the tab', function () {
  this.timeout(180_000);
  const world = useTabWorld();
  let personal: Frame;

  const meetings = async () =>
    (await world.emu.control('GET', '/emulator/meetings')).body.value as EmuMeeting[];

  /** Creates a meeting with the tab's form; answers the emulator's meeting. */
  async function create(subject: string): Promise<EmuMeeting> {
    await personal.fill('[data-testid="new-meeting"] form input:not([type="datetime-local"])', subject);
    await personal.click('button:has-text("Create meeting")');
    await personal.waitForSelector(`[data-testid="meeting-created"]:has-text("${subject}")`, {
      timeout: 15_000,
    });
    const made = (await meetings()).find((m) => m.subject === subject);
    assert.ok(made, 'the emulator has the meeting');
    await personal.waitForSelector(`[data-testid="my-meetings"] [data-meeting="${made.id}"]`, {
      timeout: 15_000,
    });
    return made;
  }

  it('reschedules a meeting from "Your meetings", then cancels it', async () => {
    personal = await openTab(world.page, world.hostUrl({ context: 'personal', person: ADELE }));
    const m = await create(`Reschedule me ${Date.now()}`);
    const item = `[data-testid="my-meetings"] [data-meeting="${m.id}"]`;
    await personal.click(`${item} button:has-text("Reschedule…")`);
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setHours(13, 0, 0, 0);
    await personal.fill(`${item} input[type="datetime-local"]`, localValue(tomorrow));
    await personal.selectOption(`${item} select`, '45');
    await personal.click(`${item} button:has-text("Save new time")`);
    await personal.waitForSelector(
      `${item} [data-testid="meeting-status"]:has-text("Moved by Adele Vance")`,
      {
        timeout: 15_000,
      },
    );
    const moved = (await meetings()).find((x) => x.id === m.id);
    assert.equal(Date.parse(moved?.startDateTime ?? ''), tomorrow.getTime());
    assert.equal(Date.parse(moved?.endDateTime ?? ''), tomorrow.getTime() + 45 * 60_000);
    await saveScreenshot(world.page, 'tab-meeting-moved');

    await personal.click(`${item} button:has-text("Cancel meeting")`);
    await personal.click(`${item} button:has-text("Yes, cancel it")`);
    await personal.waitForSelector(
      `${item} [data-testid="meeting-status"]:has-text("Cancelled by Adele Vance")`,
      {
        timeout: 15_000,
      },
    );
    assert.equal(await personal.$(`${item} button:has-text("Reschedule…")`), null, 'no more changes');
    assert.equal(
      (await meetings()).find((x) => x.id === m.id),
      undefined,
      'gone from Teams',
    );
  });

  it('shows who attended in the meeting panel once the meeting is over', async () => {
    const m = await create(`Attendance ${Date.now()}`);
    const panel = await openTab(
      world.page,
      world.hostUrl({ context: 'meetingSidePanel', person: ADELE, meeting: m.id }),
    );
    await panel.waitForSelector('[data-testid="meeting-changes"]');
    await panel.click('button:has-text("Have Switchboard join")');
    const card = await panel.waitForSelector(
      '[data-testid="meeting-call"] [data-call][data-state="established"]',
      { timeout: 20_000 },
    );
    const callId = (await card.getAttribute('data-call')) ?? '';
    await world.emu.control('PUT', `/emulator/people/${MEGAN}/script`, {
      onRing: 'answer',
      answerAfterMs: 300,
    });
    await world.app.app.calling?.participants.invite(callId, [{ user: MEGAN }]);
    const attendance = async () =>
      (await world.emu.control('GET', `/emulator/meetings/${encodeURIComponent(m.id)}/attendance`)).body;
    await waitUntil(async () => {
      const records = ((await attendance()).inProgress?.attendanceRecords ?? []) as Array<{
        identity: { id: string };
      }>;
      return records.some((r) => r.identity.id === MEGAN) ? true : undefined;
    }, 20_000);
    await world.emu.control('POST', '/emulator/clock/advance', { minutes: 3 });
    const live = (
      (await world.emu.control('GET', '/emulator/calls')).body.value as Array<{
        id: string;
        kind: string;
        state: string;
      }>
    ).find((c) => c.kind === 'meeting' && c.state === 'established');
    assert.ok(live);
    await world.emu.control('POST', `/emulator/calls/${live.id}/hangup`, { personId: MEGAN });
    await panel.click('button:has-text("Switchboard leaves")');
    await panel.waitForSelector('button:has-text("Have Switchboard join")', { timeout: 20_000 });

    await panel.click('[data-testid="attendance"] button');
    const row = await panel.waitForSelector('[data-testid="attendance"] [data-attendee="Megan Bowen"]', {
      timeout: 15_000,
    });
    assert.equal(await row.$eval('[data-testid="stay"]', (e) => e.textContent), '3 min');
    assert.doesNotMatch((await panel.textContent('[data-testid="attendance"]')) ?? '', new RegExp(MEGAN));
    await saveScreenshot(world.page, 'tab-meeting-attendance');
  });
});

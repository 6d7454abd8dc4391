// The tab in the emulator's Teams host page: presence board (seeded people, live changes, call rings a
// softphone), a new meeting with its join link, the meeting context, the consent message; screenshots of
// the personal and meeting contexts in light and dark.
import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { createCallRecordSummaries } from '../../../store';
import { saveScreenshot } from '../../helpers/browser';
import { openTab, useTabWorld, waitUntil } from './tab-harness';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
const DIEGO = '78377b16-9ba5-4342-9ed8-cf0ae0629405';
const MEGAN = '2c0fd3f4-495a-4f8d-9668-9ce043008303';

describe('browser: the Teams tab in the emulated host', function () {
  this.timeout(120_000);
  const world = useTabWorld();

  /** What Graph reports for a person now, through the control API. */
  const presenceOf = async (id: string): Promise<string> =>
    (await world.emu.control('GET', `/emulator/people/${id}/presence`)).body.presence.availability as string;

  /** Adds a person to the board through the search box. */
  async function addToBoard(tab: Frame, name: string, id: string): Promise<void> {
    await tab.fill('input[aria-label="Find people"]', name);
    await tab.click('button[type="submit"]:has-text("Search")');
    await tab.click(`[data-add="${id}"]`);
    await tab.waitForSelector(`[data-testid="board"] [data-person="${id}"]`);
  }

  const availabilityOn = (tab: Frame, id: string) =>
    tab.getAttribute(`[data-testid="board"] [data-person="${id}"]`, 'data-availability');

  let personal: Frame;
  interface EmuMeeting {
    id: string;
    subject?: string;
    joinWebUrl: string;
  }
  /** The meeting the tab created (the meeting context test opens it). */
  let created: EmuMeeting | undefined;

  it('shows seeded people on the presence board with the presence Graph reports', async () => {
    personal = await openTab(world.page, world.hostUrl({ context: 'personal', person: ADELE }));
    assert.match((await personal.textContent('h1')) ?? '', /Adele Vance/);
    await addToBoard(personal, 'Alex', ALEX);
    const expected = await presenceOf(ALEX);
    const shown = await waitUntil(async () => {
      const a = await availabilityOn(personal, ALEX);
      return a && a !== 'PresenceUnknown' ? a : undefined;
    });
    assert.equal(shown, expected);
  });

  it('changes a person on the board when their presence changes in the emulator', async () => {
    await world.emu.control('PUT', `/emulator/people/${ALEX}/presence`, {
      availability: 'DoNotDisturb',
      activity: 'Presenting',
    });
    await waitUntil(
      async () => ((await availabilityOn(personal, ALEX)) === 'DoNotDisturb' ? true : undefined),
      25_000,
    );
    const line = await personal.textContent(`[data-person="${ALEX}"] [data-testid="presence"]`);
    assert.equal(line, 'Do not disturb · Presenting');
    await world.emu.control('PUT', `/emulator/people/${ALEX}/presence`, {
      availability: 'Available',
      activity: 'Available',
    });
    await waitUntil(
      async () => ((await availabilityOn(personal, ALEX)) === 'Available' ? true : undefined),
      25_000,
    ).catch(async (err: Error) => {
      const mode = await personal.textContent('[data-testid="live-mode"]');
      throw new Error(
        `${err.message}; board shows ${await availabilityOn(personal, ALEX)} (${mode}), Graph says ${await presenceOf(ALEX)}`,
      );
    });
  });

  it('saves screenshots of the personal tab in light and dark', async () => {
    await saveScreenshot(world.page, 'tab-personal-light');
    await world.page.selectOption('#theme', 'dark');
    await personal.waitForSelector('html[data-theme="dark"]', { state: 'attached' });
    await saveScreenshot(world.page, 'tab-personal-dark');
    await world.page.selectOption('#theme', 'contrast');
    await personal.waitForSelector('html[data-theme="contrast"]', { state: 'attached' });
    await saveScreenshot(world.page, 'tab-personal-contrast');
    await world.page.selectOption('#theme', 'default');
    await personal.waitForSelector('html[data-theme="default"]', { state: 'attached' });
  });

  it('rings the person\'s softphone when "Call" is pressed', async () => {
    const phone = await world.browser.newPage();
    try {
      await world.emu.control('PUT', `/emulator/people/${ALEX}/script`, { onRing: 'manual' });
      await phone.goto(`${world.emu.httpUrl}/softphone?person=${ALEX}`);
      await phone.waitForSelector('#link[data-state="live"]');
      await personal.click(`[data-person="${ALEX}"] button:has-text("Call")`);
      await phone.waitForSelector('#ring:not([hidden])', { timeout: 15_000 });
      assert.match((await phone.textContent('#ring-title')) ?? '', /calling/i);
      await phone.click('#ring button:has-text("Decline")');
      // The user was rung first and is told that Alex could not be reached; then the call ends.
      await personal.waitForSelector('[data-testid="calls"] [data-call]', {
        state: 'detached',
        timeout: 20_000,
      });
    } finally {
      await phone.close();
    }
  });

  it('connects two selected people in one call, shows it live and hangs it up', async () => {
    for (const id of [ALEX, DIEGO])
      await world.emu.control('PUT', `/emulator/people/${id}/script`, {
        onRing: 'answer',
        answerAfterMs: 300,
      });
    await addToBoard(personal, 'Diego', DIEGO);
    await personal.check('[aria-label="Select Alex Wilber"]');
    await personal.check('[aria-label="Select Diego Siciliani"]');
    await personal.click('button:has-text("Connect the two selected")');
    const live = async () =>
      ((await world.emu.control('GET', '/emulator/calls')).body.value as Array<Record<string, unknown>>).find(
        (c) =>
          JSON.stringify(c).includes(ALEX) && JSON.stringify(c).includes(DIEGO) && c.state !== 'terminated',
      );
    await waitUntil(live, 15_000);
    const card = await personal.waitForSelector(
      '[data-testid="calls"] [data-call]:has-text("Diego Siciliani")',
      {
        timeout: 15_000,
      },
    );
    const callId = await card.getAttribute('data-call');
    await card.waitForSelector('button:has-text("Hang up")');
    await personal.click(`[data-call="${callId}"] button:has-text("Hang up")`);
    await personal.waitForSelector(`[data-testid="calls"] [data-call="${callId}"]`, {
      state: 'detached',
      timeout: 15_000,
    });
    await waitUntil(async () => ((await live()) ? undefined : true), 15_000);
  });

  it('creates a meeting and shows it with its join link', async () => {
    const subject = `Tab planning ${Date.now()}`;
    await personal.check(`[aria-label="Select Alex Wilber"]`);
    await personal.fill('[data-testid="new-meeting"] input:not([type="datetime-local"])', subject);
    await personal.click('button:has-text("Create meeting")');
    const made = await personal.waitForSelector('[data-testid="meeting-created"]', { timeout: 15_000 });
    assert.match((await made.textContent()) ?? '', new RegExp(subject));
    const href =
      (await personal.getAttribute('[data-testid="meeting-created"] [data-testid="join-link"]', 'href')) ??
      '';
    const meetings = (await world.emu.control('GET', '/emulator/meetings')).body.value as EmuMeeting[];
    created = meetings.find((m) => m.subject === subject);
    assert.ok(created, 'the emulator has the meeting');
    assert.equal(href, created.joinWebUrl);
  });

  it('shows the meeting context: details, participants once Switchboard joins', async () => {
    assert.ok(created, 'a meeting was created by the previous test');
    const m = created;
    const tab = await openTab(
      world.page,
      world.hostUrl({ context: 'meetingSidePanel', person: ADELE, meeting: m.id }),
    );
    assert.equal(await tab.textContent('[data-testid="meeting-subject"]'), m.subject);
    assert.equal(await tab.textContent('[data-testid="meeting-organizer"]'), 'Organizer: Adele Vance');
    assert.equal(
      await tab.getAttribute('[data-testid="meeting-details"] [data-testid="join-link"]', 'href'),
      m.joinWebUrl,
    );
    await tab.click('button:has-text("Have Switchboard join")');
    await tab.waitForSelector('[data-testid="meeting-call"]', { timeout: 20_000 });
    await tab.waitForSelector('[data-testid="meeting-participants"] [data-person]', { timeout: 20_000 });
    await saveScreenshot(world.page, 'tab-meeting-light');
    await world.page.selectOption('#theme', 'dark');
    await tab.waitForSelector('html[data-theme="dark"]', { state: 'attached' });
    await saveScreenshot(world.page, 'tab-meeting-dark');
    await tab.click('button:has-text("Switchboard leaves")');
    await tab.waitForSelector('button:has-text("Have Switchboard join")', { timeout: 20_000 });
  });

  it('resolves a seeded meeting from the host context in a meeting chat tab', async () => {
    const meetings = (await world.emu.control('GET', '/emulator/meetings')).body.value as Array<
      EmuMeeting & { emulator?: { meetingId?: string } }
    >;
    const standup = meetings.find((m) => m.emulator?.meetingId === 'seed-standup');
    assert.ok(standup, 'the seeded stand-up exists');
    const tab = await openTab(
      world.page,
      world.hostUrl({ context: 'meetingChatTab', person: ADELE, meeting: standup.id }),
    );
    await tab.waitForSelector(`[data-testid="meeting-subject"]:has-text("${standup.subject ?? ''}")`);
    assert.equal(
      await tab.getAttribute('[data-testid="meeting-details"] [data-testid="join-link"]', 'href'),
      standup.joinWebUrl,
    );
    await tab.click('button:has-text("Have Switchboard join")');
    // The seeded attendees are in the meeting's roster once Switchboard is in it.
    await tab.waitForSelector(`[data-testid="meeting-participants"] [data-person="${ADELE}"]`, {
      timeout: 20_000,
    });
    await tab.click('button:has-text("Switchboard leaves")');
    await tab.waitForSelector('button:has-text("Have Switchboard join")', { timeout: 20_000 });
  });

  it('charts the call history from call records, for the people who were on the calls', async () => {
    // The records of the calls above appear now; their notifications make the app fetch and keep them.
    await world.emu.control('POST', '/emulator/records/flush');
    const records = createCallRecordSummaries(world.app.app.store);
    await waitUntil(
      async () => ((await records.forUser(DIEGO, 0, Date.now() + 1)).length > 0 ? true : undefined),
      20_000,
    );
    const tab = await openTab(world.page, world.hostUrl({ context: 'personal', person: DIEGO }));
    const totals = await tab.waitForSelector('[data-testid="history-totals"]', { timeout: 15_000 });
    const calls = Number(/^(\d+) calls?,/.exec((await totals.textContent()) ?? '')?.[1]);
    assert.equal(
      calls,
      (await records.forUser(DIEGO, 0, Date.now() + 1)).length,
      `${await totals.textContent()}`,
    );
    assert.ok(calls >= 1, 'the call Diego was connected in is counted');
    const heights = await tab.$$eval('[data-testid="history"] svg rect', (rects) =>
      rects.map((r) => Number(r.getAttribute('height'))),
    );
    assert.ok(
      heights.some((h) => h > 0),
      'today has a bar',
    );
    await saveScreenshot(world.page, 'tab-history');

    // Someone who was on none of them sees no chart, and why it may still be empty.
    const other = await openTab(world.page, world.hostUrl({ context: 'personal', person: MEGAN }));
    const empty = await other.waitForSelector('[data-testid="history-empty"]', { timeout: 15_000 });
    assert.match((await empty.textContent()) ?? '', /minutes after it ends/);
    assert.equal(await other.$('[data-testid="history"] svg'), null);
  });

  it('shows the consent message when the token is refused, and recovers after consent', async () => {
    const tab = await openTab(
      world.page,
      world.hostUrl({ context: 'personal', person: ADELE, fault: 'consent' }),
      false,
    );
    const bar = await tab.waitForSelector('[data-testid="consent"]', { timeout: 15_000 });
    assert.match((await bar.textContent()) ?? '', /sign/i);
    await saveScreenshot(world.page, 'tab-consent');
    await tab.click('[data-testid="consent"] button');
    await tab.waitForSelector('html[data-ready="personal"]', { state: 'attached', timeout: 15_000 });
    assert.equal(await tab.$('[data-testid="consent"]'), null);
  });
});

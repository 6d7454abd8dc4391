// Adding the tab to a team channel and a meeting through its configuration page (config.html), in the
// emulator host's "add a tab" dialog: the page says what it adds, Save enables only once the page said
// its settings are valid, and after Save the host opens the saved content URL, where the tab shows the
// right view. Without a host, or opened outside the dialog, the page says what is wrong.
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { saveScreenshot } from '../../helpers/browser';
import { useTabWorld, waitUntil } from './tab-harness';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const SALES = '02bd9fd6-8f93-4758-87c3-1fb73740a315';

/** The host page's framed page once its URL matches. */
function framed(page: Page, match: (url: URL) => boolean): Promise<Frame> {
  return waitUntil(async () => {
    const frame = await (await page.$('iframe#tab'))?.contentFrame();
    return frame && match(new URL(frame.url())) ? frame : undefined;
  }, 15_000);
}

const isConfigPage = (u: URL) => u.pathname.endsWith('/tab/config.html');

describe('browser: adding the tab through its configuration page', function () {
  this.timeout(120_000);
  const world = useTabWorld();
  afterEach(async () => {
    await world.page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  it("adds the tab to a team channel: Save after validity, then the team's presence board", async () => {
    // Hold the configuration page's script so the dialog can be seen before the page has spoken.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await world.page.route(/\/tab\/assets\/config-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await world.page.goto(
      world.hostUrl({ context: 'teamChannel', team: SALES, person: ADELE, stage: 'configure' }),
    );
    const config = await framed(world.page, isConfigPage);
    await world.page.waitForSelector('#dialog-foot:not([hidden])');
    assert.equal(await world.page.isDisabled('#save'), true, 'Save is disabled before the page said valid');
    assert.match((await world.page.textContent('#dialog-title')) ?? '', /Sales and Marketing › General/);

    release();
    await config.waitForSelector('html[data-valid="true"]', { state: 'attached', timeout: 15_000 });
    await world.page.waitForSelector('#save:not([disabled])', { timeout: 5_000 });
    assert.equal(
      (await config.textContent('[data-testid="config-headline"]'))?.trim(),
      'Add Switchboard to General in Sales and Marketing',
    );
    assert.match(
      (await config.textContent('[data-testid="config-details"]')) ?? '',
      /Sales and Marketing's members with their live presence/,
    );
    await saveScreenshot(world.page, 'tab-config-team');

    await world.page.click('#save');
    const tab = await framed(
      world.page,
      (u) => u.pathname.endsWith('/tab/') && u.searchParams.get('view') === 'team',
    );
    await tab.waitForSelector('html[data-ready="personal"]', { state: 'attached', timeout: 15_000 });
    const team = (await world.emu.control('GET', '/emulator/teams')).body.value.find(
      (t: { id: string }) => t.id === SALES,
    ) as { members: Array<{ userId: string }> };
    const others = team.members.map((m) => m.userId).filter((id) => id !== ADELE);
    await tab.waitForSelector(`[data-testid="team-board"] [data-person="${others[0] as string}"]`, {
      timeout: 15_000,
    });
    assert.match((await tab.textContent('[data-testid="team-board"] h2')) ?? '', /Sales and Marketing/);
    assert.equal(await world.page.inputValue('#stage'), 'content', 'the host left the configure stage');
    assert.equal(await world.page.isHidden('#dialog-foot'), true);
    const log = (await world.page.textContent('#log')) ?? '';
    assert.match(log, /tab saved: "Switchboard", entity switchboard-team-board/);
  });

  it('adds the tab to a meeting chat, which then opens on the meeting panel', async () => {
    const meetings = (await world.emu.control('GET', '/emulator/meetings')).body.value as Array<{
      id: string;
      subject?: string;
      emulator?: { meetingId?: string };
    }>;
    const standup = meetings.find((m) => m.emulator?.meetingId === 'seed-standup');
    assert.ok(standup, 'the seeded stand-up exists');
    await world.page.goto(
      world.hostUrl({ context: 'meetingChatTab', person: ADELE, meeting: standup.id, stage: 'configure' }),
    );
    const config = await framed(world.page, isConfigPage);
    await config.waitForSelector('html[data-valid="true"]', { state: 'attached', timeout: 15_000 });
    assert.equal(
      (await config.textContent('[data-testid="config-headline"]'))?.trim(),
      'Add Switchboard to this meeting',
    );
    await world.page.click('#save');
    const tab = await framed(
      world.page,
      (u) => u.pathname.endsWith('/tab/') && u.searchParams.get('view') === 'meeting',
    );
    await tab.waitForSelector('html[data-ready="meeting"]', { state: 'attached', timeout: 15_000 });
    assert.equal(await tab.textContent('[data-testid="meeting-subject"]'), standup.subject);
    assert.equal(await tab.$('[data-testid="board"]'), null, 'the meeting panel, not the board');
  });

  it('says clearly that it needs Teams when no host answers', async () => {
    await world.page.goto(`${world.app.url}/tab/config.html`);
    await world.page.waitForSelector('[data-testid="no-host"]', { timeout: 15_000 });
    assert.equal(await world.page.getAttribute('html', 'data-boot'), 'no-host');
    const text = (await world.page.textContent('[data-testid="no-host"]')) ?? '';
    assert.match(text, /no Teams host answered/);
    assert.match(text, /Add Switchboard from a team channel, a group chat or a meeting/);
    assert.equal(await world.page.$('html[data-valid]'), null);
  });

  it('says to open the tab itself when framed as a tab rather than in the add dialog', async () => {
    await world.page.goto(
      world.hostUrl({
        context: 'teamChannel',
        team: SALES,
        person: ADELE,
        tab: `${world.app.url}/tab/config.html`,
      }),
    );
    const config = await framed(world.page, isConfigPage);
    await config.waitForSelector('[data-testid="config-error"]', { timeout: 15_000 });
    assert.match(
      (await config.textContent('[data-testid="config-error"]')) ?? '',
      /opened as a "content" page instead\. Open the Switchboard tab itself/,
    );
    assert.equal(await config.$('html[data-valid]'), null, 'no settings are offered outside the dialog');
  });
});

// The tab opened in a team channel of the emulated host: the board lists the seeded team's members
// (read as the user through Graph) with the presence Graph reports, follows a member's presence change,
// refuses a team the user is not in, and shows no team section in a personal tab.
import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { saveScreenshot } from '../../helpers/browser';
import { openTab, useTabWorld, waitUntil } from './tab-harness';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const HENRIETTA = '84223a0a-9a8b-4a67-ba4e-21533853230a';
const SALES = '02bd9fd6-8f93-4758-87c3-1fb73740a315';

describe('browser: the tab in a team channel', function () {
  this.timeout(120_000);
  const world = useTabWorld();
  let tab: Frame;

  const rowSelector = (id: string) => `[data-testid="team-board"] [data-person="${id}"]`;
  const availabilityOn = (id: string) => tab.getAttribute(rowSelector(id), 'data-availability');

  it("lists the team's other members with the presence Graph reports", async () => {
    tab = await openTab(world.page, world.hostUrl({ context: 'teamChannel', team: SALES, person: ADELE }));
    const team = (await world.emu.control('GET', '/emulator/teams')).body.value.find(
      (t: { id: string }) => t.id === SALES,
    ) as { displayName: string; members: Array<{ userId: string }> };
    const others = team.members.map((m) => m.userId).filter((id) => id !== ADELE);
    assert.ok(others.length >= 3, 'the seeded team has members besides Adele');
    await tab.waitForSelector(rowSelector(others[0] as string));
    const shown = await tab.$$eval('[data-testid="team-board"] [data-person]', (rows) =>
      rows.map((r) => r.getAttribute('data-person')),
    );
    assert.deepEqual([...shown].sort(), [...others].sort());
    assert.match((await tab.textContent('[data-testid="team-board"] h2')) ?? '', /Sales and Marketing/);
    for (const id of others) {
      const expected = (await world.emu.control('GET', `/emulator/people/${id}/presence`)).body.presence
        .availability as string;
      await waitUntil(async () => ((await availabilityOn(id)) === expected ? true : undefined), 15_000);
    }
    await saveScreenshot(world.page, 'tab-team-light');
  });

  it("follows a member's presence change in the emulator", async () => {
    const megan = '2c0fd3f4-495a-4f8d-9668-9ce043008303';
    await world.emu.control('PUT', `/emulator/people/${megan}/presence`, {
      availability: 'DoNotDisturb',
      activity: 'Presenting',
    });
    await waitUntil(
      async () => ((await availabilityOn(megan)) === 'DoNotDisturb' ? true : undefined),
      25_000,
    );
    assert.equal(
      await tab.textContent(`${rowSelector(megan)} [data-testid="presence"]`),
      'Do not disturb · Presenting',
    );
    await world.emu.control('PUT', `/emulator/people/${megan}/presence`, {
      availability: 'Available',
      activity: 'Available',
    });
  });

  it("says why a team's members are not shown to someone outside the team", async () => {
    tab = await openTab(
      world.page,
      world.hostUrl({ context: 'teamChannel', team: SALES, person: HENRIETTA }),
    );
    await tab.waitForSelector('[data-testid="error"]', { timeout: 15_000 });
    assert.match(
      (await tab.textContent('[data-testid="error"]')) ?? '',
      /not allowed to see this team's members/,
    );
    assert.equal(await tab.$('[data-testid="team-board"] [data-person]'), null);
  });

  it('shows no team section in a personal tab', async () => {
    tab = await openTab(world.page, world.hostUrl({ context: 'personal', person: ADELE }));
    await tab.waitForSelector('[data-testid="board"]');
    assert.equal(await tab.$('[data-testid="team-board"]'), null);
  });
});

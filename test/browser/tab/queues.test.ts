// The call queues' boards on the personal tab, live: a caller joins the queue and leaves it, an agent's
// presence changes in Teams; the same board the chat's queue card shows.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { saveScreenshot } from '../../helpers/browser';
import { openTab, useTabWorld, waitUntil } from './tab-harness';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const DIEGO = '78377b16-9ba5-4342-9ed8-cf0ae0629405';

describe('browser: call queues on the Teams tab', function () {
  this.timeout(120_000);
  const world = useTabWorld({
    appEnv: {
      FRONTDESK_CONFIG: path.join(ROOT, 'test/fixtures/flows/frontdesk-queue.yaml'),
      QUEUES_CONFIG: path.join(ROOT, 'test/fixtures/flows/queues-short.yaml'),
    },
  });
  let tab: Frame;

  const waitingOn = (f: Frame) => f.getAttribute('[data-queue="support"]', 'data-waiting');

  it('shows the support queue with its agents and their presence, nobody waiting', async () => {
    tab = await openTab(world.page, world.hostUrl({ context: 'personal', person: ADELE }));
    await tab.waitForSelector('[data-testid="queues"] [data-queue="support"]');
    assert.equal(
      await tab.textContent('[data-queue="support"] [data-testid="waiting"]'),
      'Nobody is waiting',
    );
    const states = await tab.$$eval('[data-queue="support"] [data-testid="agent-state"]', (els) =>
      els.map((e) => e.textContent),
    );
    assert.deepEqual(states, ['free', 'free', 'free']);
  });

  it('a caller joins live, an agent going Do not disturb shows, and the caller leaves live', async () => {
    const lee = world.emu.people.find((p) => p.displayName === 'Lee Gu');
    assert.ok(lee);
    await world.emu.control('PUT', `/emulator/people/${lee.id}/script`, { onRing: 'answer' });
    // The agents let their rings go unanswered, so Lee waits: an agent who answered at once would put him
    // through within a second or two, between two of the board's looks (every 3 s).
    for (const name of ['Alex Wilber', 'Adele Vance', 'Diego Siciliani']) {
      const agent = world.emu.people.find((p) => p.displayName === name);
      assert.ok(agent, name);
      await world.emu.control('PUT', `/emulator/people/${agent.id}/script`, { onRing: 'ignore' });
    }
    const placed = await world.emu.control<{ callId: string }>('POST', `/emulator/people/${lee.id}/call`, {
      to: 'app',
    });
    assert.equal(placed.status, 201);
    await waitUntil(async () => ((await waitingOn(tab)) === '1' ? true : undefined), 30_000);
    const caller = await tab.textContent('[data-queue="support"] [data-testid="caller"]');
    // Agents are rung for him while he waits: the line names the agent being rung, when one is.
    assert.match(
      caller ?? '',
      /^1\. Lee Gu · waited \d+ s( · ringing (Alex Wilber|Adele Vance|Diego Siciliani))?$/,
    );
    await world.emu.control('PUT', `/emulator/people/${DIEGO}/presence`, {
      availability: 'DoNotDisturb',
      activity: 'DoNotDisturb',
    });
    await waitUntil(
      async () =>
        (await tab.getAttribute(`[data-queue="support"] [data-person="${DIEGO}"]`, 'data-availability')) ===
        'DoNotDisturb'
          ? true
          : undefined,
      20_000,
    );
    await saveScreenshot(world.page, 'tab-queues');
    await world.emu.control('POST', `/emulator/calls/${placed.body.callId}/hangup`, {});
    await waitUntil(async () => ((await waitingOn(tab)) === '0' ? true : undefined), 30_000);
  });
});

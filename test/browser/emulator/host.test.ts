// The emulator's Teams host page in Chromium, framing a minimal tab that runs the real @microsoft/teams-js
// (served from another loopback origin, as the app's tab is): initialize, getContext for the chosen
// person and context, getAuthToken with a token the tab API's own verifier accepts, theme changes, and
// the consent path.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { createFetchJson, createOutbound } from '../../../calling';
import { createSsoVerifier, createTenantKeys, TAB_SCOPE } from '../../../teams-tab/api';
import { launchBrowser, saveScreenshot, type RunningBrowser } from '../../helpers/browser';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator';
import { useStack } from '../../helpers/stack';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'tab');
const TEAMS_JS = require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');

interface Probe {
  themes: string[];
  context?: Record<string, string | undefined>;
  token?: string;
  silentError?: string;
  details?: unknown;
  error?: string;
}

/** Serves the probe tab and teams-js over plain HTTP on its own port (another origin than the host). */
async function startProbeTab(): Promise<{ url: string; stop(): Promise<void> }> {
  const files: Record<string, [string, string]> = {
    '/tab/': [path.join(FIXTURES, 'probe.html'), 'text/html'],
    '/probe.js': [path.join(FIXTURES, 'probe.js'), 'text/javascript'],
    '/teams.js': [TEAMS_JS, 'text/javascript'],
  };
  const server = http.createServer((req, res) => {
    const f = files[req.url ?? ''];
    if (!f) {
      res.writeHead(404);
      return void res.end();
    }
    res.writeHead(200, { 'content-type': f[1] });
    res.end(readFileSync(f[0]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tab/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function probeOf(page: Page): Promise<{ frame: Frame; probe: Probe }> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().endsWith('/tab/'));
    const probe =
      frame && ((await frame.evaluate('window.probe').catch(() => undefined)) as Probe | undefined);
    if (frame && probe && (probe.token || probe.error)) return { frame, probe };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the probe tab did not finish within 10 s');
}

describe('browser: the emulator Teams host page', function () {
  this.timeout(60_000);
  const stack = useStack({ app: false, browser: true });
  let emu: RunningEmulator;
  let tab: { url: string; stop(): Promise<void> };
  let browser: RunningBrowser;

  before(async () => {
    emu = stack.emu;
    browser = stack.browser;
    tab = await startProbeTab();
    stack.onStop(() => tab.stop());
  });

  function hostUrl(params: Record<string, string>): string {
    return `${emu.httpUrl}/host?${new URLSearchParams({ tab: tab.url, ...params })}`;
  }

  it('answers initialize, getContext and getAuthToken with a token the tab API accepts', async () => {
    const person = emu.people[1] ?? emu.people[0]!;
    const page = await browser.newPage();
    await page.goto(hostUrl({ person: person.id }));
    const { probe } = await probeOf(page);
    assert.equal(probe.error, undefined, `teams-js failed: ${probe.error}; ${browser.errors.join('\n')}`);
    assert.deepEqual(probe.context, {
      userId: person.id,
      tenantId: emu.tenantId,
      upn: person.userPrincipalName,
      frameContext: 'content',
      theme: 'default',
      meetingId: undefined,
      chatId: undefined,
    });
    const outbound = createOutbound({ extraCa: emu.ca });
    const verify = createSsoVerifier({
      keys: createTenantKeys(emu.url, createFetchJson({ fetch: outbound.fetch }), {
        debug() {},
        info() {},
        warn() {},
        error() {},
      }),
      authorityHost: emu.url,
      audiences: [`api://localhost/${emu.appId}`],
      tenants: [emu.tenantId],
      scope: TAB_SCOPE,
    });
    const checked = await verify(`Bearer ${probe.token}`).finally(() => outbound.close());
    assert.ok(checked.ok, `token refused: ${JSON.stringify(checked)}`);
    assert.equal(checked.user.id, person.id);
    await saveScreenshot(page, 'emulator-host-personal');
    await page.close();
  });

  it('gives a meeting context the meeting chat id and Teams meeting id, answers getMeetingDetails, and passes theme changes', async () => {
    type EmuMeeting = {
      id: string;
      subject: string;
      joinWebUrl: string;
      startDateTime: string;
      endDateTime: string;
      chatInfo?: { threadId?: string };
      participants?: { organizer?: { identity?: { user?: { id?: string } } } };
    };
    const meetings = (
      await emu.control<{ value: EmuMeeting[] }>('GET', '/emulator/meetings')
    ).body.value.filter((m) => m.chatInfo?.threadId);
    assert.ok(meetings.length > 0, 'the seeded tenant has a meeting');
    const meeting = meetings[0]!;
    const threadId = meeting.chatInfo!.threadId!;
    const page = await browser.newPage();
    await page.goto(hostUrl({ context: 'meetingSidePanel', meeting: meeting.id, theme: 'dark' }));
    const { frame, probe } = await probeOf(page);
    assert.equal(probe.context?.frameContext, 'sidePanel');
    assert.equal(probe.context?.theme, 'dark');
    assert.equal(probe.context?.chatId, threadId);
    assert.equal(Buffer.from(probe.context?.meetingId ?? '', 'base64').toString(), `0#${threadId}#0`);
    assert.deepEqual(probe.details, {
      details: {
        id: probe.context?.meetingId,
        title: meeting.subject,
        type: 'Scheduled',
        joinUrl: meeting.joinWebUrl,
        scheduledStartTime: meeting.startDateTime,
        scheduledEndTime: meeting.endDateTime,
      },
      conversation: { id: threadId },
      organizer: { id: meeting.participants?.organizer?.identity?.user?.id, tenantId: emu.tenantId },
    });
    await page.selectOption('#theme', 'contrast');
    let themes: string[] = [];
    for (let i = 0; i < 50 && themes.length === 0; i++) {
      themes = (await frame.evaluate('window.probe.themes')) as string[];
      if (themes.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(themes, ['contrast']);
    await saveScreenshot(page, 'emulator-host-meeting-contrast');
    await page.close();
  });

  it('refuses a silent token while consent is missing, and grants it when the tab asks interactively', async () => {
    const page = await browser.newPage();
    await page.goto(hostUrl({ fault: 'consent' }));
    const { probe } = await probeOf(page);
    assert.match(probe.silentError ?? '', /resourceRequiresConsent/);
    assert.ok(probe.token && probe.token.split('.').length === 3, 'the interactive request got a token');
    assert.equal(await page.inputValue('#fault'), 'none');
    await page.close();
  });

  it('mints a token without our scope when asked, which the tab API refuses', async () => {
    const res = await fetch(`${emu.httpUrl}/host/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: emu.people[0]!.id, fault: 'scope' }),
    });
    assert.equal(res.status, 200);
    const { token } = (await res.json()) as { token: string };
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { scp?: string };
    assert.ok(!(payload.scp ?? '').split(' ').includes(TAB_SCOPE));
    const unknown = await fetch(`${emu.httpUrl}/host/token`, {
      method: 'POST',
      body: JSON.stringify({ personId: 'nobody' }),
    });
    assert.equal(unknown.status, 404);
  });
});

describe('browser: the emulator Teams host page without a tab in its URL', function () {
  this.timeout(60_000);
  let tab: { url: string; stop(): Promise<void> };
  let emu: RunningEmulator;
  let browser: RunningBrowser;

  before(async () => {
    tab = await startProbeTab();
    // What `npm start` does: the emulator learns where the app serves its tab.
    emu = await startEmulator({ env: { EMULATOR_TAB_URL: tab.url } });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await emu?.stop();
    await tab?.stop();
  });

  it('frames the tab EMULATOR_TAB_URL names and shows it in the bar', async () => {
    const page = await browser.newPage();
    await page.goto(`${emu.httpUrl}/host?person=${emu.people[0]!.id}`);
    const { probe } = await probeOf(page);
    assert.equal(probe.error, undefined, `teams-js failed: ${probe.error}; ${browser.errors.join('\n')}`);
    assert.equal(probe.context?.userId, emu.people[0]!.id);
    assert.equal(await page.inputValue('#tab-url'), tab.url);
    await page.close();
  });
});

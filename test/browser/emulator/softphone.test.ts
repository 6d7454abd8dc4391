// The softphone page in Debian's Chromium against the emulator process: a person answers a call the
// app placed, presses keys that reach the app as toneInfo, reads a prompt's caption, hangs up; declines
// a call; calls the app. The app's side is a verifying webhook receiver and a small Graph client.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { encodeWav } from '../../../emulator/media';
import { launchBrowser, saveScreenshot } from '../../helpers/browser';
import type { RunningBrowser } from '../../helpers/browser';
import { startEmulator } from '../../helpers/emulator';
import type { RunningEmulator } from '../../helpers/emulator';
import { GraphTestClient, WebhookReceiver, callState } from '../../helpers/graph-test-client';
import type { Received } from '../../helpers/graph-test-client';
import { p2pBody, promptsOf } from '../../e2e/emulator/fixture';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
/** The prompt the app plays: 3 s of 16 kHz mono audio, long enough to be seen playing. */
const WELCOME_MS = 3000;

/** Serves /welcome.wav over plain HTTP, as the app would serve its prompts. */
async function startPromptServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const wav = encodeWav(new Int16Array((16000 * WELCOME_MS) / 1000), 16000);
  const server = http.createServer((req, res) => {
    if (req.url !== '/prompts/welcome.wav') {
      res.writeHead(404);
      return void res.end();
    }
    res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length });
    res.end(wav);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/prompts/welcome.wav`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Polls check every 100 ms until it returns something other than undefined (5 s at most). */
async function waitUntil<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const found = await check();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within 5 s: ${check.toString()}`);
}

const onCall = (id: string) => (n: Received) => n.resourceUrl === `/communications/calls/${id}`;

describe('browser: the emulator softphone page', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let hook: WebhookReceiver;
  let prompt: { url: string; stop(): Promise<void> };
  let graph: GraphTestClient;
  let browser: RunningBrowser;
  let page: Page;

  before(async () => {
    hook = await WebhookReceiver.listen();
    prompt = await startPromptServer();
    emu = await startEmulator({
      env: { EMULATOR_APP_WEBHOOK: hook.url, EMULATOR_INCOMING_TIMEOUT_MS: '1500' },
    });
    await hook.trust({ emulatorUrl: emu.url, ca: emu.ca, appId: emu.appId });
    graph = new GraphTestClient(emu);
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await emu?.stop();
    await hook?.stop();
    await prompt?.stop();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed' && browser?.errors.length)
      console.log(`page errors:\n${browser.errors.join('\n')}`);
  });

  /** The text of the first element matching selector ('' when it has none). */
  const text = async (selector: string): Promise<string> => (await page.textContent(selector)) ?? '';

  /** Opens the page, picks a person and sets what their phone does when it rings. */
  async function become(personId: string, onRing: string): Promise<void> {
    await page.goto(`${emu.httpUrl}/softphone`);
    await page.click(`#people [data-person-id="${personId}"]`);
    await page.waitForSelector('#link[data-state="live"]');
    await page.selectOption('#on-ring', onRing);
    await waitUntil(async () => {
      const person = await emu.control('GET', `/emulator/people/${personId}`);
      return person.body.script.onRing === onRing || undefined;
    });
  }

  it('answers a call, sends keys as toneInfo, captions a prompt, and hangs up', async () => {
    await become(ADELE, 'manual');
    const created = await graph.call('POST', '/communications/calls', p2pBody(hook.url, ADELE));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;

    await page.waitForSelector('#ring:not([hidden])');
    assert.match(await text('#ring-title'), /Switchboard is calling/);
    // A manual ring waits for the page: nothing is established yet, even after the usual answer time.
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(hook.indexOf(callState(id, 'established')), -1, 'established before Answer was clicked');

    await page.click('#answer');
    const established = await hook.waitFor(callState(id, 'established'));
    assert.ok(established.post.verified, 'the established notification carries a valid calling token');
    await page.waitForSelector('#active:not([hidden])');
    await page.waitForSelector('#participants li[data-kind="app"]');
    const people = await page.$$eval('#participants li', (items) => items.map((li) => li.textContent));
    assert.deepEqual(people, ['Switchboardapp', 'Adele Vanceyou']);
    // On the call, Graph reports the person busy, and the page's people list follows.
    const busy = await graph.call('GET', `/users/${ADELE}/presence`);
    assert.deepEqual([busy.body.availability, busy.body.activity], ['Busy', 'InACall']);
    await page.waitForSelector(`#people [data-person-id="${ADELE}"] >> text=Busy · In a call`);

    const sub = await graph.call('POST', `/communications/calls/${id}/subscribeToTone`, {
      clientContext: 'softphone-tones',
    });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    for (const key of ['4', '2', '#']) {
      await page.click(`#keypad button[data-key="${key}"]`);
      const tone = key === '#' ? 'pound' : `tone${key}`;
      await hook.waitFor((n) => onCall(id)(n) && n.resourceData.toneInfo?.tone === tone);
    }
    const tones = hook
      .forCall(id)
      .filter((n) => onCall(id)(n) && n.resourceData.toneInfo)
      .map((n) => [n.resourceData.toneInfo.tone, n.resourceData.toneInfo.sequenceId]);
    assert.deepEqual(tones, [
      ['tone4', 1],
      ['tone2', 2],
      ['pound', 3],
    ]);
    assert.equal((await text('#dialed')).trim(), '42#');
    await page.waitForSelector('#timeline .entry[data-event="key"] >> text=You pressed # (pound)');
    await page.waitForSelector('#timeline .entry[data-kind="notification"] >> text=toneInfo pound');

    const play = await graph.call('POST', `/communications/calls/${id}/playPrompt`, {
      clientContext: 'welcome',
      prompts: promptsOf(prompt.url),
    });
    assert.equal(play.status, 200, JSON.stringify(play.body));
    const caption = page.locator('#captions .caption[data-status="playing"]');
    await caption.waitFor();
    // An untagged file is named by its file name, without the extension.
    assert.match((await caption.textContent()) ?? '', /^welcome\s*3\.0 s · playing$/);
    await saveScreenshot(page, 'softphone');

    const opKey = String(play.body.id).replace(/-/g, '').toUpperCase();
    const done = await hook.waitFor(
      (n) => n.resourceUrl.toUpperCase().endsWith(`/OPERATIONS/${opKey}`) && n.changeType === 'deleted',
    );
    assert.equal(done.resourceData.status, 'completed');
    await page.waitForSelector('#captions .caption[data-status="played"]');

    await page.click('#hang-up');
    const ended = await hook.waitFor(callState(id, 'terminated'));
    assert.deepEqual(
      [ended.resourceData.resultInfo.code, ended.resourceData.resultInfo.subcode],
      [200, 4521],
    );
    await page.waitForSelector('#ended:not([hidden])');
    assert.match(await text('#ended-why'), /Hung up \(200\/4521\)/);
    assert.deepEqual(
      hook.posts.filter((p) => !p.verified).map((p) => p.error),
      [],
      'every notification verified',
    );
    assert.deepEqual(browser.errors, []);
  });

  it('sets the person’s presence from the selector, as Graph then reports it', async () => {
    await become(ADELE, 'answer');
    await page.selectOption('#presence', 'BeRightBack/BeRightBack');
    const own = await waitUntil(async () => {
      const res = await emu.control('GET', `/emulator/people/${ADELE}/presence`);
      return res.body.own?.availability === 'BeRightBack' ? res.body.own : undefined;
    });
    assert.deepEqual(own, { availability: 'BeRightBack', activity: 'BeRightBack' });
    const reported = await graph.call('GET', `/users/${ADELE}/presence`);
    assert.equal(reported.status, 200, JSON.stringify(reported.body));
    assert.deepEqual([reported.body.availability, reported.body.activity], ['BeRightBack', 'BeRightBack']);
    await page.waitForSelector(`#people [data-person-id="${ADELE}"] >> text=Be right back`);
    await page.selectOption('#presence', 'Available/Available');
    await waitUntil(async () => {
      const res = await emu.control('GET', `/emulator/people/${ADELE}/presence`);
      return res.body.own?.availability === 'Available' || undefined;
    });
  });

  it('declines a call: the app sees 480 / 10134', async () => {
    await become(ALEX, 'manual');
    const created = await graph.call('POST', '/communications/calls', p2pBody(hook.url, ALEX));
    const id = created.body.id as string;
    await page.waitForSelector('#ring:not([hidden])');
    await page.click('#decline');
    const ended = await hook.waitFor(callState(id, 'terminated'));
    assert.deepEqual(
      [ended.resourceData.resultInfo.code, ended.resourceData.resultInfo.subcode],
      [480, 10134],
    );
    await page.waitForSelector('#ended:not([hidden])');
    assert.match(await text('#ended-why'), /Declined \(480\/10134\)/);
  });

  it('calls the app; with no app to answer, the call ends as unanswered (408 / 1106)', async () => {
    await become(ADELE, 'answer');
    await page.click('#call-app');
    const incoming = await hook.waitFor(
      (n) => n.changeType === 'created' && n.resourceData.state === 'incoming',
    );
    assert.equal(incoming.resourceData.source.identity.user.id, ADELE);
    await page.waitForSelector('#active:not([hidden])');
    assert.match(await text('#call-state'), /Calling…/);
    await page.waitForSelector('#ended:not([hidden])', { timeout: 10_000 });
    assert.match(await text('#ended-why'), /did not answer in time \(408\/1106\)/);
  });

  it('rings in the dark colour scheme too', async () => {
    const set = await emu.control('PUT', `/emulator/people/${ALEX}/script`, { onRing: 'manual' });
    assert.equal(set.status, 200);
    const dark = await launchBrowser({ colorScheme: 'dark' });
    try {
      const tab = await dark.newPage();
      await tab.goto(`${emu.httpUrl}/softphone?person=${ALEX}`);
      await tab.waitForSelector('#link[data-state="live"]');
      const created = await graph.call('POST', '/communications/calls', p2pBody(hook.url, ALEX));
      const id = created.body.id as string;
      await tab.waitForSelector('#ring:not([hidden])');
      // Evaluated in the page (DOM types are not part of this project's compilation).
      const colors = (await tab.evaluate(
        '(() => { const s = getComputedStyle(document.body); return { bg: s.backgroundColor, fg: s.color }; })()',
      )) as { bg: string; fg: string };
      assert.deepEqual(colors, { bg: 'rgb(21, 22, 30)', fg: 'rgb(236, 238, 247)' });
      await saveScreenshot(tab, 'softphone-dark');
      await tab.click('#decline');
      await hook.waitFor(callState(id, 'terminated'));
      assert.deepEqual(dark.errors, []);
    } finally {
      await dark.close();
    }
  });
});

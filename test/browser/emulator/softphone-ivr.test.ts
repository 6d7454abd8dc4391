// The softphone against the real app answering into the shipped IVR: a person calls the app and reads
// (and hears) the menu as a caller would, by its words, never by a file hash; a key that cuts the menu
// short shows it as interrupted by that key; and when the prompt's audio cannot play, the page speaks
// the words instead.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../../helpers/browser';
import { useStack } from '../../helpers/stack';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const HEX64 = /[0-9a-f]{64}/i;
/** The page's colour for failures (--red, light scheme). */
const RED = 'rgb(196, 49, 75)';

/** Records, in the page, each prompt audio that started and each text handed to speech synthesis. */
const RECORDER = `
  window.heard = { played: [], spoken: [] };
  document.addEventListener('playing', (e) => window.heard.played.push(e.target.getAttribute('src')), true);
  if (window.speechSynthesis) {
    window.speechSynthesis.speak = (u) => {
      window.heard.spoken.push(u.text);
      setTimeout(() => u.onend && u.onend(new Event('end')), 0);
    };
  }
`;

interface Heard {
  played: string[];
  spoken: string[];
}

describe('browser: the softphone on a call to the app’s phone menu', function () {
  this.timeout(90_000);
  const stack = useStack({ frontDesk: 'test/fixtures/flows/frontdesk-open.yaml', browser: true });
  let page: Page;

  beforeEach(async () => {
    page = await stack.browser.newPage();
    await page.addInitScript(RECORDER);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && stack.browser.errors.length)
      console.log(`page errors:\n${stack.browser.errors.join('\n')}`);
    await page.close();
    // A test that failed mid-call leaves Adele on it; the next one needs her free.
    const calls = await stack.emu.control('GET', '/emulator/calls');
    for (const c of calls.body.value as { id: string; state: string }[]) {
      if (c.state !== 'terminated') await stack.emu.control('POST', `/emulator/calls/${c.id}/hangup`, {});
    }
  });

  const heard = async (): Promise<Heard> => (await page.evaluate('window.heard')) as Heard;
  /**
   * Polls a condition on what the page heard (page.waitForFunction evaluates its predicate in a way the
   * page's CSP forbids; a plain evaluate does not).
   */
  async function until(check: (h: Heard) => boolean, ms = 10_000): Promise<Heard> {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      const h = await heard();
      if (check(h)) return h;
    }
    throw new Error(`the page did not hear that within ${ms} ms: ${JSON.stringify(await heard())}`);
  }

  /** Opens the page as Adele and calls the app; the click is also the gesture that turns sound on. */
  async function callTheApp(): Promise<string> {
    await page.goto(`${stack.emu.httpUrl}/softphone?person=${ADELE}`);
    await page.waitForSelector('#link[data-state="live"]');
    assert.equal(await page.getAttribute('body', 'data-sound'), 'waiting');
    assert.match((await page.textContent('#sound-note')) ?? '', /first click or key press/);
    await page.click('#call-app');
    assert.equal(await page.getAttribute('body', 'data-sound'), 'on');
    await page.waitForSelector('#active:not([hidden])');
    const calls = await stack.emu.control('GET', '/emulator/calls');
    const live = (calls.body.value as { id: string; state: string }[]).find((c) => c.state !== 'terminated');
    assert.ok(live, 'the call is live');
    return live.id;
  }

  async function hangUp(): Promise<void> {
    await page.click('#hang-up');
    await page.waitForSelector('#ended:not([hidden])');
  }

  it('shows and plays the welcome and the menu by their words; a key cuts the menu short: interrupted by it', async () => {
    const callId = await callTheApp();
    const welcome = page.locator('#captions .caption', { hasText: 'Welcome to Switchboard.' });
    await welcome.waitFor();
    // The audio the app served, from the emulator's memory, started playing after the click.
    await until((h) => h.played.length > 0);
    assert.match(
      (await heard()).played[0] ?? '',
      new RegExp(`^/emulator/calls/${callId}/prompts/[0-9a-f-]+$`),
    );

    const menu = page.locator('#captions .caption[data-status="playing"]', {
      hasText: 'For sales, press 1.',
    });
    await menu.waitFor({ timeout: 15_000 });
    assert.match(
      (await menu.textContent()) ?? '',
      /To dial an extension, press 4\. To join the daily stand-up/,
    );
    await until((h) => h.played.length >= 2); // the menu is heard, not only read
    const opId = await menu.getAttribute('data-operation-id');
    await page.click('#keypad button[data-key="*"]');

    const interrupted = page.locator(
      `#captions .caption[data-operation-id="${opId}"][data-status="interrupted"]`,
    );
    await interrupted.waitFor();
    assert.match((await interrupted.textContent()) ?? '', /interrupted by \* \(star\)$/);
    // Evaluated in the page (DOM types are not part of this project's compilation).
    const colors = (await page.evaluate(
      `(() => { const li = document.querySelector('#captions .caption[data-operation-id="${opId}"]');
        return [li, li.querySelector('.meta')].map((e) => getComputedStyle(e).color); })()`,
    )) as string[];
    assert.ok(!colors.includes(RED), `not styled as a failure: ${colors.join(', ')}`);
    await page.waitForSelector(
      `#timeline .entry[data-kind="operation"] >> text=playPrompt interrupted (400/8508)`,
    );
    await saveScreenshot(page, 'softphone-ivr');

    const shown = `${await page.textContent('#captions')}\n${await page.textContent('#timeline')}`;
    assert.doesNotMatch(shown, HEX64, 'no file hash on the page');
    assert.doesNotMatch((await page.textContent('#captions')) ?? '', /failed|could not play/);
    const timeline = await stack.emu.control('GET', `/emulator/calls/${callId}/timeline`);
    const texts = (timeline.body.value as { event?: string; prompts?: { text: string }[] }[])
      .filter((e) => e.event === 'prompt-playing')
      .flatMap((e) => (e.prompts ?? []).map((p) => p.text));
    assert.deepEqual(texts.slice(0, 3), [
      'Welcome to Switchboard.',
      'For sales, press 1. For support, press 2. To leave a message, press 3.',
      'To dial an extension, press 4. To join the daily stand-up, press 5. To wait for the next support agent, press 6. Or just tell me what you need.',
    ]);
    await hangUp();
    assert.deepEqual(stack.browser.errors, []);
  });

  it('the Say… box: what the caller types is what the menu hears; billing takes the call', async () => {
    const callId = await callTheApp();
    // The menu listens once its prompts have played: the emulator's recording has started.
    for (let i = 0; ; i++) {
      const t = await stack.emu.control('GET', `/emulator/calls/${callId}/timeline`);
      if ((t.body.value as { event?: string }[]).some((e) => e.event === 'record-listening')) break;
      if (i > 300) throw new Error('the menu never listened');
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.fill('#say-text', 'I have a question about my invoice');
    await page.click('#say');
    await page.waitForSelector('#timeline .entry >> text=said “I have a question about my invoice”');
    await page.waitForSelector('#ended:not([hidden])', { timeout: 30_000 });
    const lines = (await stack.calling.timeline(callId.toLowerCase())).map((e) => e.summary);
    assert.ok(
      lines.some((l) => /main\/main: heard: billing/.test(l)),
      lines.join('\n'),
    );
    assert.deepEqual(stack.browser.errors, []);
  });

  it('speaks the words when the prompt’s audio cannot be played', async () => {
    await page.route('**/emulator/calls/*/prompts/*', (route) => route.fulfill({ status: 404, body: '' }));
    await callTheApp();
    const h = await until((x) => x.spoken.length > 0, 15_000);
    assert.equal(h.spoken[0], 'Welcome to Switchboard.');
    await hangUp();
  });
});

// The shipped main menu listens: callers say what they need through the emulator, whose Azure AI
// Speech endpoint recognises the recording; the IVR branches on what it heard, and keys still work.
import assert from 'node:assert/strict';
import { person, script } from '../calling/harness';
import {
  callApp,
  ended,
  notes,
  pressAt,
  sayAt,
  startFlowsHarness,
  untilNote,
  type FlowsHarness,
} from './flows-harness';

const has = (lines: string[], re: RegExp) =>
  assert.ok(
    lines.some((l) => re.test(l)),
    `no line matches ${re}:\n${lines.join('\n')}`,
  );
const TRANSFERRED = { code: 0, subcode: 7015 };

describe('IVR e2e: callers say what they need (listen, Azure AI Speech via the emulator)', function () {
  this.timeout(150_000);
  let h: FlowsHarness;

  before(async () => {
    h = await startFlowsHarness('test/fixtures/flows/frontdesk-open.yaml');
  });
  after(async () => h?.stop());
  afterEach(async () => {
    await h.emu.control('POST', '/emulator/speech/faults', { count: 0 });
  });

  it('"I have a question about my invoice" goes to billing', async () => {
    const lee = person(h, 'Lee Gu');
    await script(h, lee.id, {
      onRing: 'answer',
      speech: [{ afterMs: 200, text: 'I have a question about my invoice' }],
    });
    const callId = await callApp(h, lee.id);
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /ivr main\/main: listening/);
    has(lines, /ivr main\/main: heard: billing(;|$)/);
    has(lines, /ivr main\/billing: transferring to billing/);
    assert.deepEqual(end?.resultInfo, TRANSFERRED);
  });

  it('something unrelated: re-prompted, then a key routes the caller', async () => {
    const nestor = person(h, 'Nestor Wilke');
    await script(h, nestor.id, { onRing: 'answer' });
    const callId = await callApp(h, nestor.id);
    await sayAt(h, callId, 'main', 'what is the weather like on mars');
    await untilNote(h, callId, /main\/main: heard no choice, attempt 1 of 3$/, 'no match');
    await pressAt(h, callId, 'main', '2');
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /main\/main: caller entered "2"/);
    has(lines, /main\/support: transferring to support/);
    assert.deepEqual(end?.resultInfo, TRANSFERRED);
  });

  it('an angry caller goes to reception first, whatever else they said', async () => {
    const grady = person(h, 'Grady Archie');
    await script(h, grady.id, {
      onRing: 'answer',
      speech: [{ afterMs: 200, text: 'This is terrible, your invoice is awful and I am furious' }],
    });
    const callId = await callApp(h, grady.id);
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /main\/main: heard: a negative caller(;|$)/);
    has(lines, /main\/reception: transferring to reception/);
    assert.deepEqual(end?.resultInfo, TRANSFERRED);
  });

  it('the recogniser answers 429 (Retry-After 1 s), then recognises: the caller still reaches sales', async () => {
    const before = (await h.emu.control<{ requests: number }>('GET', '/emulator/speech')).body.requests;
    await h.emu.control('POST', '/emulator/speech/faults', { status: 429, retryAfterSeconds: 1, count: 1 });
    const diego = person(h, 'Diego Siciliani');
    await script(h, diego.id, {
      onRing: 'answer',
      speech: [{ afterMs: 200, text: 'I would like a price for a new phone' }],
    });
    const callId = await callApp(h, diego.id);
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /main\/main: heard: sales(;|$)/);
    has(lines, /main\/main: transferring to sales/);
    assert.deepEqual(end?.resultInfo, TRANSFERRED);
    const after = (await h.emu.control<{ requests: number }>('GET', '/emulator/speech')).body.requests;
    assert.equal(after - before, 2, 'one 429, then one recognition');
  });

  it('the recogniser answers 401: every attempt fails with a reason, then the no-match branch (reception)', async () => {
    await h.emu.control('POST', '/emulator/speech/faults', { status: 401, count: 10 });
    const megan = person(h, 'Megan Bowen');
    await script(h, megan.id, { onRing: 'answer', speech: [{ afterMs: 200, text: 'refund please' }] });
    const callId = await callApp(h, megan.id);
    const end = await ended(h, callId, 90_000);
    const lines = await notes(h, callId);
    has(
      lines,
      /main\/main: speech could not be recognised: Azure AI Speech refused the request \(401\): check SPEECH_KEY.*attempt 1 of 3$/,
    );
    has(lines, /main\/main: speech could not be recognised: .*attempt 3 of 3; giving up$/);
    has(lines, /main\/reception: transferring to reception/);
    assert.deepEqual(end?.resultInfo, TRANSFERRED);
  });
});

import assert from 'node:assert/strict';
import { ClickToCallError, type TextPrompts } from '../../../calling';
import type { App } from '../../../server';
import type { RunningEmulator } from '../../helpers/emulator';
import { recordingNotifier, useStack } from '../../helpers/stack';
import { person, script, until } from '../calling/harness';
import { appSpeech } from './flows-harness';

const CONV = 'conv-connect';

describe('click-to-call e2e: call A, announce B, transfer', function () {
  this.timeout(90_000);
  let emu: RunningEmulator;
  let app: App;
  let speech: TextPrompts;
  const notifier = recordingNotifier();
  const posted = notifier.posted;
  const stack = useStack({
    emulator: { EMULATOR_PROMPT_SPEED: '2', EMULATOR_RING_TIMEOUT_MS: '2500' },
    deps: { notifier, flows: { clickToCall: { ringTimeoutMs: 20_000 } } },
  });

  before(() => {
    emu = stack.emu;
    app = stack.app.app;
    speech = appSpeech(stack.app.config);
  });

  const timeline = async (callId: string) =>
    JSON.stringify((await emu.control('GET', `/emulator/calls/${callId}/timeline`)).body);

  it('connects: A answers, hears who they are connected to, is transferred to B who answers', async () => {
    const [megan, nestor] = ['Megan Bowen', 'Nestor Wilke'].map((n) => person({ emu }, n));
    for (const p of [megan!, nestor!]) await script({ emu }, p.id, { onRing: 'answer', answerAfterMs: 300 });
    const started = await app.clickToCall!.connect({
      a: megan!.id,
      aName: 'Megan Bowen',
      b: nestor!.id,
      bName: 'Nestor Wilke',
      requestedBy: { id: 'u-lee', name: 'Lee Gu', conversationId: CONV },
    });
    assert.ok(started.callId, 'the call to A is placed at once');
    assert.equal(started.status, 'calling');

    const done = await app.clickToCall!.wait(started.id, 30_000);
    assert.equal(done?.result, 'connected', JSON.stringify(done));
    assert.ok(done?.answeredAt && done.finishedAt && done.finishedAt >= done.answeredAt);

    const callA = await app.calling!.waitForState(started.callId!, 'terminated', 10_000);
    assert.equal(callA.end?.reason, 'the transfer completed');
    const emuCall = (await emu.control('GET', `/emulator/calls/${started.callId}`)).body as {
      remotePersonId: string;
      operations: Array<{ type: string; status: string }>;
    };
    assert.equal(emuCall.remotePersonId, megan!.id, 'A was called first');
    assert.deepEqual(
      emuCall.operations.map((o) => o.type),
      ['playPromptOperation'],
      'the announcement played before the transfer',
    );
    const t = await timeline(started.callId!);
    const said = speech.fileName('Connecting you to Nestor Wilke.');
    assert.match(t, new RegExp(`/prompts/tts/${said}`), 'A heard "Connecting you to Nestor Wilke."');
    // Consultative: A's call is transferred onto the app's own call with B, which B answered.
    assert.match(t, new RegExp(`"event":"transfer","target":"${nestor!.id}","replacesCallId":"[^"]+"`));
    assert.ok(t.indexOf(said) < t.indexOf('"event":"transfer"'), 'announced, then transferred');

    await until(() => posted.some((p) => p.card.callId === started.callId), 'the result notice');
    const notice = posted.find((p) => p.card.callId === started.callId)!;
    assert.equal(notice.target, CONV);
    assert.equal(notice.card.title, 'Megan Bowen is connected to Nestor Wilke');
    assert.deepEqual((await app.clickToCall!.get(started.id))?.notice, { target: CONV, delivered: true });
  });

  it('B declines: A is told that B declined and the call ends; the result says so', async () => {
    const [lidia, isaiah] = ['Lidia Holloway', 'Isaiah Langer'].map((n) => person({ emu }, n));
    await script({ emu }, lidia!.id, { onRing: 'answer', answerAfterMs: 200 });
    await script({ emu }, isaiah!.id, { onRing: 'decline', answerAfterMs: 200 });
    const started = await app.clickToCall!.connect({
      a: lidia!.id,
      b: isaiah!.id,
      bName: 'Isaiah Langer',
      requestedBy: { id: 'u-lee', conversationId: CONV },
    });
    const done = await app.clickToCall!.wait(started.id, 30_000);
    assert.equal(done?.result, 'transfer-failed');
    assert.equal(done?.reason, 'Isaiah Langer declined the call (480/10134)');
    const callA = await app.calling!.waitForState(started.callId!, 'terminated', 10_000);
    assert.deepEqual(callA.end?.resultInfo, { code: 200, subcode: 5001 }, 'the app hung up on A');
    const t = await timeline(started.callId!);
    const sorry = speech.fileName('Sorry, Isaiah Langer declined the call. Goodbye.');
    assert.match(t, new RegExp(`/prompts/tts/${sorry}`), 'A heard that B declined');
  });

  it('A is busy: nothing is transferred and the result is "busy"', async () => {
    const [joni, grady] = ['Joni Sherman', 'Grady Archie'].map((n) => person({ emu }, n));
    await script({ emu }, joni!.id, { onRing: 'busy' });
    const started = await app.clickToCall!.connect({
      a: joni!.id,
      b: grady!.id,
      requestedBy: { id: 'u-lee', conversationId: CONV },
    });
    const done = await app.clickToCall!.wait(started.id, 30_000);
    assert.equal(done?.result, 'busy');
    const emuCall = (await emu.control('GET', `/emulator/calls/${started.callId}`)).body as {
      operations: unknown[];
    };
    assert.deepEqual(emuCall.operations, []);
  });

  it('refuses a side that is neither a person nor a number, and a number without a resource account', async () => {
    const adele = person({ emu }, 'Adele Vance');
    const by = { id: 'u-lee' };
    await assert.rejects(
      app.clickToCall!.connect({ a: 'Adele', b: adele.id, requestedBy: by }),
      (err: unknown) => err instanceof ClickToCallError && /A \("Adele"\)/.test(err.message),
    );
    await assert.rejects(
      app.clickToCall!.connect({ a: adele.id, b: '+14255550108', requestedBy: by }),
      (err: unknown) => err instanceof ClickToCallError && /resource account/.test(err.message),
    );
  });
});

// Transfers (blind and consultative) and media: recordResponse (a real WAV, fetched once with its token)
// and cancelMediaProcessing (running and queued operations fail with 400/8508).
import assert from 'node:assert/strict';
import { parseWav } from '../../../emulator/media';
import { callState } from '../../helpers/graph-test-client';
import {
  PEOPLE,
  assertAllVerified,
  assertTwin,
  establishedCall,
  promptsOf,
  setScript,
  useWorld,
} from './fixture';

const target = (id: string, replacesCallId?: string) => ({
  transferTarget: {
    '@odata.type': '#microsoft.graph.invitationParticipantInfo',
    identity: {
      '@odata.type': '#microsoft.graph.identitySet',
      user: { '@odata.type': '#microsoft.graph.identity', id },
    },
    ...(replacesCallId ? { replacesCallId } : {}),
  },
});

describe('emulator e2e: transfers and recordings', function () {
  this.timeout(30_000);
  const w = useWorld({ EMULATOR_PROMPT_SPEED: '4', EMULATOR_RING_TIMEOUT_MS: '3000' });

  before(async () => {
    for (const id of [PEOPLE.adele, PEOPLE.alex, PEOPLE.diego])
      await setScript(w, id, { onRing: 'answer', answerAfterMs: 200 });
    await setScript(w, PEOPLE.isaiahDeclines, { onRing: 'decline', answerAfterMs: 200 });
  });

  it('blind transfer: transferring, transferAccepted, then terminated with 0/7015', async () => {
    const id = await establishedCall(w, PEOPLE.adele);
    const res = await w.graph.call('POST', `/communications/calls/${id}/transfer`, target(PEOPLE.alex));
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const transferring = await w.hook.waitFor(callState(id, 'transferring'));
    const accepted = await w.hook.waitFor(callState(id, 'transferAccepted'));
    const done = await w.hook.waitFor(callState(id, 'terminated', 'deleted'));
    assertTwin(transferring, 'transferring');
    assertTwin(accepted, 'transfer-accepted');
    assertTwin(done, 'transfer-completed');
    assert.deepEqual([done.resourceData.resultInfo.code, done.resourceData.resultInfo.subcode], [0, 7015]);
    assert.ok(
      w.hook.indexOf(callState(id, 'transferring')) < w.hook.indexOf(callState(id, 'transferAccepted')),
    );
  });

  it('blind transfer to someone who declines: back to established with 500/7000', async () => {
    const id = await establishedCall(w, PEOPLE.adele);
    await w.graph.call('POST', `/communications/calls/${id}/transfer`, target(PEOPLE.isaiahDeclines));
    await w.hook.waitFor(callState(id, 'transferring'));
    const failed = await w.hook.waitFor(
      (n) => callState(id, 'established')(n) && n.resourceData.resultInfo !== undefined,
    );
    assertTwin(failed, 'transfer-failed');
    assert.deepEqual(
      [failed.resourceData.resultInfo.code, failed.resourceData.resultInfo.subCode],
      [500, 7000],
    );
    assert.equal((await w.graph.call('GET', `/communications/calls/${id}`)).body.state, 'established');
  });

  it('consultative transfer: both of the app legs end once the target takes over', async () => {
    const original = await establishedCall(w, PEOPLE.adele);
    const consult = await establishedCall(w, PEOPLE.alex);
    const res = await w.graph.call(
      'POST',
      `/communications/calls/${original}/transfer`,
      target(PEOPLE.alex, consult),
    );
    assert.equal(res.status, 202);
    const done = await w.hook.waitFor(callState(original, 'terminated', 'deleted'));
    assert.deepEqual([done.resourceData.resultInfo.code, done.resourceData.resultInfo.subcode], [0, 7015]);
    const replaced = await w.hook.waitFor(callState(consult, 'terminated', 'deleted'));
    assert.equal(replaced.resourceData.resultInfo.subcode, 7015);
  });

  it('consultative transfer naming a call that is not with the target fails with 500/7700', async () => {
    const original = await establishedCall(w, PEOPLE.adele);
    const other = await establishedCall(w, PEOPLE.diego);
    await w.graph.call('POST', `/communications/calls/${original}/transfer`, target(PEOPLE.alex, other));
    const failed = await w.hook.waitFor(
      (n) => callState(original, 'established')(n) && n.resourceData.resultInfo !== undefined,
    );
    assert.deepEqual(
      [failed.resourceData.resultInfo.code, failed.resourceData.resultInfo.subCode],
      [500, 7700],
    );
  });

  it('records what the person says: a 16 kHz mono WAV served once with its access token', async () => {
    await setScript(w, PEOPLE.adele, {
      onRing: 'answer',
      answerAfterMs: 200,
      speech: [{ afterMs: 400, durationMs: 1600 }],
    });
    const id = await establishedCall(w, PEOPLE.adele);
    const res = await w.graph.call('POST', `/communications/calls/${id}/recordResponse`, {
      clientContext: 'voicemail',
      bargeInAllowed: false,
      initialSilenceTimeoutInSeconds: 2,
      maxSilenceTimeoutInSeconds: 1,
      maxRecordDurationInSeconds: 10,
      playBeep: true,
      stopTones: ['#'],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body['@odata.type'], '#microsoft.graph.recordOperation');
    assert.equal(res.body.status, 'running');
    assert.equal(res.body.recordingLocation, null);
    const done = await w.hook.waitFor((n) => n.resourceUrl.endsWith(`/operations/${res.body.id}`), 10_000);
    assertTwin(done, 'record-completed');
    const op = done.resourceData;
    assert.equal(op.status, 'completed');
    assert.equal(op.completionReason, 'maxSilenceTimeout');
    const noToken = await w.graph.fetch(op.recordingLocation);
    assert.equal(noToken.status, 401);
    const first = await w.graph.fetch(op.recordingLocation, {
      authorization: `Bearer ${op.recordingAccessToken}`,
    });
    assert.equal(first.status, 200);
    const wav = parseWav(first.raw);
    assert.deepEqual([wav.audioFormat, wav.channels, wav.sampleRate, wav.bitsPerSample], [1, 1, 16000, 16]);
    // 400 ms of silence, 1600 ms of speech, then the 1 s silence timeout.
    assert.ok(Math.abs(wav.durationMs - 3000) < 50, `recording lasts ${wav.durationMs} ms`);
    const second = await w.graph.fetch(op.recordingLocation, {
      authorization: `Bearer ${op.recordingAccessToken}`,
    });
    assert.equal(second.status, 404);
  });

  it('stops a recording at a stop tone, and honours the maximum duration', async () => {
    await setScript(w, PEOPLE.adele, {
      onRing: 'answer',
      answerAfterMs: 200,
      speech: [{ afterMs: 0, durationMs: 60_000 }],
    });
    const id = await establishedCall(w, PEOPLE.adele);
    const capped = await w.graph.call('POST', `/communications/calls/${id}/recordResponse`, {
      maxRecordDurationInSeconds: 2,
      playBeep: false,
    });
    const cappedDone = await w.hook.waitFor(
      (n) => n.resourceUrl.endsWith(`/operations/${capped.body.id}`),
      10_000,
    );
    assert.equal(cappedDone.resourceData.completionReason, 'maxRecordDurationReached');
    assert.deepEqual(
      [cappedDone.resourceData.resultInfo.code, cappedDone.resourceData.resultInfo.subcode],
      [200, 8515],
    );
    const stop = await w.graph.call('POST', `/communications/calls/${id}/recordResponse`, {
      maxRecordDurationInSeconds: 60,
      stopTones: ['#'],
      playBeep: false,
    });
    await new Promise((r) => setTimeout(r, 300));
    await w.emu.control('POST', `/emulator/calls/${id}/keys`, { tones: '#' });
    const stopped = await w.hook.waitFor(
      (n) => n.resourceUrl.endsWith(`/operations/${stop.body.id}`),
      10_000,
    );
    assert.equal(stopped.resourceData.completionReason, 'stopToneDetected');
    const wav = await w.graph.fetch(stopped.resourceData.recordingLocation, {
      authorization: `Bearer ${stopped.resourceData.recordingAccessToken}`,
    });
    assert.ok(parseWav(wav.raw).durationMs < 10_000);
  });

  it('cancelMediaProcessing fails the running prompt and the queued recording with 400/8508', async () => {
    const id = await establishedCall(w, PEOPLE.adele);
    const play = await w.graph.call('POST', `/communications/calls/${id}/playPrompt`, {
      clientContext: 'long',
      prompts: promptsOf(`${w.prompts.base}/thirty-seconds.wav`),
    });
    const record = await w.graph.call('POST', `/communications/calls/${id}/recordResponse`, {
      clientContext: 'after-prompt',
    });
    await new Promise((r) => setTimeout(r, 200));
    const cancel = await w.graph.call('POST', `/communications/calls/${id}/cancelMediaProcessing`, {
      clientContext: 'stop',
    });
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.status, 'completed');
    const p = await w.hook.waitFor((n) => n.resourceUrl.endsWith(`/operations/${play.body.id}`));
    const r = await w.hook.waitFor((n) => n.resourceUrl.endsWith(`/operations/${record.body.id}`));
    for (const n of [p, r]) {
      assert.equal(n.resourceData.status, 'failed');
      assert.deepEqual([n.resourceData.resultInfo.code, n.resourceData.resultInfo.subcode], [400, 8508]);
    }
    assertTwin(p, 'playprompt-cancelled');
    assertTwin(r, 'record-cancelled');
  });

  it('signed every notification with the published calling keys', () => {
    assertAllVerified(w);
  });
});

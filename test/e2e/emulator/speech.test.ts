// The emulator speaks and listens: words from a person's script or said through the control API end
// up in the recording, and its Azure AI Speech endpoint recognises that recording over HTTPS.
import assert from 'node:assert/strict';
import https from 'node:https';
import { PEOPLE, establishedCall, setScript, useWorld, type World } from './fixture';

const PATH = '/speech/recognition/conversation/cognitiveservices/v1?language=en-US&format=detailed';

async function recordOnce(w: World, id: string): Promise<{ location: string; token: string }> {
  const res = await w.graph.call('POST', `/communications/calls/${id}/recordResponse`, {
    clientContext: 'listen',
    initialSilenceTimeoutInSeconds: 3,
    maxSilenceTimeoutInSeconds: 1,
    maxRecordDurationInSeconds: 10,
    playBeep: false,
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const done = await w.hook.waitFor((n) => n.resourceUrl.endsWith(`/operations/${res.body.id}`), 15_000);
  return { location: done.resourceData.recordingLocation, token: done.resourceData.recordingAccessToken };
}

function recognise(w: World, wav: Buffer, key = 'emulator-speech-key') {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = https.request(
      `${w.emu.url}${PATH}`,
      {
        method: 'POST',
        ca: w.emu.ca,
        headers: {
          'Ocp-Apim-Subscription-Key': key,
          'Content-Type': 'audio/wav; codecs=audio/pcm; samplerate=16000',
          'Content-Length': wav.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(wav);
  });
}

describe('emulator e2e: speech (say, recordings, Azure AI Speech short audio)', function () {
  this.timeout(40_000);
  const w = useWorld({ EMULATOR_PROMPT_SPEED: '4' });

  it('words from the script are in the recording and recognised', async () => {
    await setScript(w, PEOPLE.adele, {
      onRing: 'answer',
      answerAfterMs: 200,
      speech: [{ afterMs: 300, text: 'I would like a quote' }],
    });
    const id = await establishedCall(w, PEOPLE.adele);
    const rec = await recordOnce(w, id);
    const wav = await w.graph.fetch(rec.location, { authorization: `Bearer ${rec.token}` });
    const res = await recognise(w, wav.raw);
    assert.equal(res.status, 200);
    assert.equal(res.body['RecognitionStatus'], 'Success');
    assert.equal(res.body['DisplayText'], 'I would like a quote.');
    assert.equal(res.body['Offset'], 3_000_000);
    assert.equal((await recognise(w, wav.raw, 'wrong-key')).status, 401);
  });

  it('POST /emulator/calls/{id}/say: the listening recording hears the words; silence times out', async () => {
    await setScript(w, PEOPLE.alex, { onRing: 'answer', answerAfterMs: 200 });
    const id = await establishedCall(w, PEOPLE.alex);
    const pending = recordOnce(w, id);
    const said = await w.emu.control('POST', `/emulator/calls/${id}/say`, { text: 'my printer is broken' });
    assert.equal(said.status, 202, JSON.stringify(said.body));
    const rec = await pending;
    const wav = await w.graph.fetch(rec.location, { authorization: `Bearer ${rec.token}` });
    const res = await recognise(w, wav.raw);
    assert.equal(res.body['DisplayText'], 'My printer is broken.');
    const nbest = res.body['NBest'] as Array<Record<string, unknown>>;
    assert.equal(nbest[0]?.['Lexical'], 'my printer is broken');

    const quiet = await recordOnce(w, id);
    const silent = await w.graph.fetch(quiet.location, { authorization: `Bearer ${quiet.token}` });
    assert.equal((await recognise(w, silent.raw)).body['RecognitionStatus'], 'InitialSilenceTimeout');
  });

  it('speech faults: 429 with Retry-After, then recognition again', async () => {
    const set = await w.emu.control('POST', '/emulator/speech/faults', { status: 429, retryAfterSeconds: 3 });
    assert.equal(set.status, 200);
    await setScript(w, PEOPLE.diego, {
      onRing: 'answer',
      answerAfterMs: 200,
      speech: [{ afterMs: 0, text: 'hi' }],
    });
    const id = await establishedCall(w, PEOPLE.diego);
    const rec = await recordOnce(w, id);
    const wav = (await w.graph.fetch(rec.location, { authorization: `Bearer ${rec.token}` })).raw;
    assert.equal((await recognise(w, wav)).status, 429);
    assert.equal((await recognise(w, wav)).status, 200);
    assert.equal(
      (await w.emu.control('POST', '/emulator/speech/faults', { status: 418 })).status,
      400,
      'a status the service never answers is refused',
    );
  });
});

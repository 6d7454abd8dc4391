// The emulator's Azure AI Speech short-audio endpoint: recordings it made are recognised from its
// marker (Success / NoMatch / InitialSilenceTimeout, times in ticks), keys and tokens are checked, and
// injected faults answer as the real service does.
import assert from 'node:assert/strict';
import type { HttpResponse, RequestContext } from '../../../../emulator/http';
import {
  encodeWav,
  synthesizeSpeechWav,
  withSpeechMarker,
  readSpeechMarker,
  parseWav,
} from '../../../../emulator/media';
import { RECOGNITION_PATH, SpeechService } from '../../../../emulator/speech';

const KEY = 'emulator-speech-key';

function request(
  svc: SpeechService,
  path: string,
  opts: { body?: Buffer; headers?: Record<string, string>; query?: string } = {},
): Promise<HttpResponse> {
  const route = svc.routes().find((r) => r.pattern === path);
  assert.ok(route, `no route ${path}`);
  const ctx: RequestContext = {
    method: 'POST',
    path,
    segments: path.split('/').filter(Boolean),
    query: new URLSearchParams(opts.query ?? 'language=en-US'),
    headers: opts.headers ?? { 'ocp-apim-subscription-key': KEY },
    rawBody: '',
    bodyBytes: opts.body ?? Buffer.alloc(0),
    params: {},
    requestId: 'r',
    clientRequestId: 'c',
    receivedAt: new Date(),
  };
  return Promise.resolve(route.handle(ctx));
}

const said = (text?: string) =>
  withSpeechMarker(synthesizeSpeechWav([{ startMs: 300, durationMs: 1600 }], 4000), [
    { startMs: 300, durationMs: 1600, ...(text ? { text } : {}) },
  ]);

describe('emulator speech service (Azure AI Speech, short audio)', () => {
  let svc: SpeechService;
  beforeEach(() => {
    svc = new SpeechService({ keys: () => [KEY], now: Date.now });
  });

  it('keeps the recording a valid WAV with its marker before the audio', () => {
    const wav = said('hello there');
    const info = parseWav(wav);
    assert.equal(info.sampleRate, 16000);
    assert.equal(Math.round(info.durationMs), 4000);
    assert.deepEqual(readSpeechMarker(wav), [{ startMs: 300, durationMs: 1600, text: 'hello there' }]);
  });

  it('recognises what was said: DisplayText, Offset and Duration in 100 ns ticks, NBest when detailed', async () => {
    const simple = await request(svc, RECOGNITION_PATH, { body: said('i have a question about my invoice') });
    assert.equal(simple.status, 200);
    assert.deepEqual(simple.body, {
      RecognitionStatus: 'Success',
      Offset: 3_000_000,
      Duration: 16_000_000,
      DisplayText: 'I have a question about my invoice.',
    });
    const detailed = await request(svc, RECOGNITION_PATH, {
      body: said('Refund, please!'),
      query: 'language=en-US&format=detailed',
    });
    const nbest = (detailed.body as { NBest: Array<Record<string, unknown>> }).NBest;
    assert.equal(nbest[0]?.['Lexical'], 'refund please');
    assert.equal(nbest[0]?.['Display'], 'Refund, please!');
  });

  it('answers NoMatch for sound without words and InitialSilenceTimeout for silence', async () => {
    const noMatch = await request(svc, RECOGNITION_PATH, { body: said() });
    assert.equal((noMatch.body as { RecognitionStatus: string }).RecognitionStatus, 'NoMatch');
    const silent = withSpeechMarker(synthesizeSpeechWav([], 3000), []);
    const timeout = await request(svc, RECOGNITION_PATH, { body: silent });
    assert.deepEqual(timeout.body, {
      RecognitionStatus: 'InitialSilenceTimeout',
      Offset: 30_000_000,
      Duration: 0,
    });
    // A WAV the emulator did not make: loud is NoMatch, near-silent is a timeout.
    const tone = new Int16Array(16000).map((_, i) => Math.round(8000 * Math.sin(i / 5)));
    const loud = await request(svc, RECOGNITION_PATH, { body: encodeWav(tone, 16000) });
    assert.equal((loud.body as { RecognitionStatus: string }).RecognitionStatus, 'NoMatch');
  });

  it('refuses audio that is not 16 kHz mono PCM, and a missing language, with 400', async () => {
    const res = await request(svc, RECOGNITION_PATH, { body: encodeWav(new Int16Array(8000), 8000) });
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(res.body), /16 kHz, mono/);
    assert.equal((await request(svc, RECOGNITION_PATH, { body: said('x'), query: '' })).status, 400);
  });

  it('answers 401 without a valid key, and accepts a bearer token from issueToken', async () => {
    const bad = await request(svc, RECOGNITION_PATH, {
      body: said('hi'),
      headers: { 'ocp-apim-subscription-key': 'nope' },
    });
    assert.equal(bad.status, 401);
    const issued = await request(svc, '/sts/v1.0/issueToken');
    assert.equal(issued.status, 200);
    const res = await request(svc, RECOGNITION_PATH, {
      body: said('hi'),
      headers: { authorization: `Bearer ${String(issued.body)}` },
    });
    assert.equal(res.status, 200);
    assert.equal((await request(svc, '/sts/v1.0/issueToken', { headers: {} })).status, 401);
  });

  it('injects faults: 429 with Retry-After for `count` requests, then recognises again; a slow answer', async () => {
    svc.setFault({ status: 429, retryAfterSeconds: 2, count: 1 });
    const limited = await request(svc, RECOGNITION_PATH, { body: said('hi') });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers?.['Retry-After'], '2');
    assert.equal((await request(svc, RECOGNITION_PATH, { body: said('hi') })).status, 200);
    svc.setFault({ delayMs: 150, count: 1 });
    const started = Date.now();
    assert.equal((await request(svc, RECOGNITION_PATH, { body: said('hi') })).status, 200);
    assert.ok(Date.now() - started >= 140, 'the answer was slow');
    assert.equal(svc.state().requests, 3);
  });
});

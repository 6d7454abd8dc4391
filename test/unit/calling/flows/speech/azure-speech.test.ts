// The Azure AI Speech recogniser against a loopback stand-in for the service: the request it sends
// (path, language, key, WAV), how it reads Success / NoMatch / InitialSilenceTimeout, and how 401, 429
// with Retry-After and a slow service become errors that name what to do, never what was said.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createAzureSpeechRecogniser,
  RecognitionError,
  recognitionUrl,
} from '../../../../../calling/flows/speech';
import { decodeWav, encodeWav } from '../../../../../calling/flows/tts';

type Answer = { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number };

describe('Azure AI Speech recogniser (short audio REST)', () => {
  let server: http.Server;
  let base: string;
  const seen: Array<{ url: string; headers: http.IncomingHttpHeaders; body: Buffer }> = [];
  let answers: Answer[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        const a = answers.shift() ?? { status: 500 };
        setTimeout(() => {
          res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
          res.end(a.body === undefined ? '' : JSON.stringify(a.body));
        }, a.delayMs ?? 0);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    seen.length = 0;
    answers = [];
  });

  const wav16k = () =>
    encodeWav(
      new Float32Array(1600).map((_, i) => Math.sin(i / 3) * 0.3),
      16000,
    );
  const recogniser = (o: Partial<Parameters<typeof createAzureSpeechRecogniser>[0]> = {}) =>
    createAzureSpeechRecogniser({
      endpoint: base,
      key: 'k-123',
      timeoutMs: 500,
      maxRetryAfterMs: 1500,
      ...o,
    });

  it('builds the regional URL, or takes an endpoint as its base', () => {
    assert.equal(
      recognitionUrl({ region: 'westeurope' }),
      'https://westeurope.stt.speech.microsoft.com/speech/recognition/conversation/cognitiveservices/v1',
    );
    assert.equal(
      recognitionUrl({ endpoint: 'https://x.example/' }),
      'https://x.example/speech/recognition/conversation/cognitiveservices/v1',
    );
    assert.throws(() => recognitionUrl({}), RecognitionError);
  });

  it('posts the WAV with the key and language; reads the best alternative of a Success', async () => {
    answers = [
      {
        status: 200,
        body: {
          RecognitionStatus: 'Success',
          DisplayText: 'Refund.',
          Offset: 100,
          Duration: 200,
          NBest: [{ Confidence: 0.9, Display: 'I need a refund.', Lexical: 'i need a refund' }],
        },
      },
    ];
    const audio = wav16k();
    const heard = await recogniser().recognise(audio, { language: 'de-DE' });
    assert.deepEqual(heard, { kind: 'heard', text: 'I need a refund.', confidence: 0.9 });
    const req = seen[0]!;
    assert.match(
      req.url,
      /^\/speech\/recognition\/conversation\/cognitiveservices\/v1\?language=de-DE&format=detailed/,
    );
    assert.equal(req.headers['ocp-apim-subscription-key'], 'k-123');
    assert.match(String(req.headers['content-type']), /^audio\/wav; codecs=audio\/pcm; samplerate=16000/);
    assert.ok(req.body.equals(audio), 'a 16 kHz mono WAV goes as it is');
  });

  it('converts other audio to 16 kHz mono first, and can use a bearer token', async () => {
    answers = [{ status: 200, body: { RecognitionStatus: 'NoMatch', Offset: 0, Duration: 0 } }];
    const eightK = encodeWav(new Float32Array(800), 8000);
    const res = await recogniser({ key: undefined, token: async () => 'tok' }).recognise(eightK, {
      language: 'en-US',
    });
    assert.deepEqual(res, { kind: 'noMatch' });
    assert.equal(seen[0]?.headers.authorization, 'Bearer tok');
    assert.equal(decodeWav(seen[0]!.body).sampleRate, 16000);
  });

  it('reads InitialSilenceTimeout as silence', async () => {
    answers = [{ status: 200, body: { RecognitionStatus: 'InitialSilenceTimeout', Offset: 0, Duration: 0 } }];
    assert.deepEqual(await recogniser().recognise(wav16k(), { language: 'en-US' }), { kind: 'silence' });
  });

  it('waits out a short Retry-After on 429 and tries again; a long one fails at once as throttled', async () => {
    answers = [
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 200, body: { RecognitionStatus: 'Success', DisplayText: 'Billing.' } },
    ];
    const started = Date.now();
    assert.deepEqual(await recogniser().recognise(wav16k(), { language: 'en-US' }), {
      kind: 'heard',
      text: 'Billing.',
    });
    assert.ok(Date.now() - started >= 950, 'it waited for Retry-After');
    answers = [{ status: 429, headers: { 'retry-after': '30' } }];
    await assert.rejects(recogniser().recognise(wav16k(), { language: 'en-US' }), (err: RecognitionError) => {
      assert.equal(err.code, 'throttled');
      return true;
    });
  });

  it('401 is unauthorized and names the settings; a slow service is a timeout', async () => {
    answers = [{ status: 401, body: { error: { code: '401', message: 'Access denied' } } }];
    await assert.rejects(recogniser().recognise(wav16k(), { language: 'en-US' }), (err: RecognitionError) => {
      assert.equal(err.code, 'unauthorized');
      assert.match(err.message, /SPEECH_KEY/);
      return true;
    });
    assert.equal(seen.length, 1, '401 is not retried');
    answers = [{ status: 200, delayMs: 1500, body: { RecognitionStatus: 'Success', DisplayText: 'x' } }];
    await assert.rejects(recogniser().recognise(wav16k(), { language: 'en-US' }), (err: RecognitionError) => {
      assert.equal(err.code, 'timeout');
      return true;
    });
  });
});

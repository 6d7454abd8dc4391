// Azure AI Speech, speech to text for short audio (REST): POST the WAV to
// /speech/recognition/conversation/cognitiveservices/v1?language=..&format=detailed with the resource's
// key (Ocp-Apim-Subscription-Key) or an Entra/issued token (Authorization: Bearer). The service takes
// at most 60 s of 16 kHz mono 16-bit PCM; a 429 says when to try again (Retry-After).
import { defaultFetch, type Fetch } from '../../http/outbound';
import { TransportError, transportError } from '../../http/transport-error';
import { parseRetryAfter } from '../../graph/retry-after';
import { toRecognitionWav } from './recognition-audio';
import { RecognitionError, type Recognition, type SpeechRecogniser } from './recogniser';

const PATH = '/speech/recognition/conversation/cognitiveservices/v1';

export interface AzureSpeechOptions {
  /** The region of the Speech resource (e.g. westeurope), when no endpoint is given. */
  readonly region?: string;
  /** The service's base URL (custom domain, sovereign cloud, the emulator); the path is added. */
  readonly endpoint?: string;
  /** The resource's key; or `token` for a bearer token. */
  readonly key?: string;
  readonly token?: () => Promise<string>;
  /** The fetch to send with (the app's one dispatcher, which trusts EXTRA_CA_FILE). */
  readonly fetch?: Fetch;
  /** How long one request may take (default 10 s: a caller is waiting). */
  readonly timeoutMs?: number;
  /** The longest Retry-After honoured before giving up (default 5 s); longer ones fail at once. */
  readonly maxRetryAfterMs?: number;
  /** Requests per recognition, the first included (default 3). */
  readonly maxAttempts?: number;
}

/** The recognition URL for these options; throws when neither region nor endpoint is given. */
export function recognitionUrl(opts: Pick<AzureSpeechOptions, 'region' | 'endpoint'>): string {
  if (opts.endpoint) {
    const base = opts.endpoint.replace(/\/+$/, '');
    return base.endsWith('/cognitiveservices/v1') ? base : `${base}${PATH}`;
  }
  if (opts.region) return `https://${opts.region}.stt.speech.microsoft.com${PATH}`;
  throw new RecognitionError('not_configured', 'Azure AI Speech needs SPEECH_REGION or SPEECH_ENDPOINT');
}

interface Detailed {
  RecognitionStatus?: unknown;
  DisplayText?: unknown;
  NBest?: Array<{ Display?: unknown; Confidence?: unknown }>;
}

/** Reads a 200 answer: the words (best alternative), no match, or silence. */
export function readRecognition(body: Buffer): Recognition {
  let parsed: Detailed;
  try {
    parsed = JSON.parse(body.toString('utf8')) as Detailed;
  } catch (err) {
    throw new RecognitionError(
      'unavailable',
      `Azure AI Speech answered something that is not JSON (${(err as Error).name})`,
    );
  }
  const status = parsed.RecognitionStatus;
  if (status === 'InitialSilenceTimeout') return { kind: 'silence' };
  if (status === 'NoMatch' || status === 'BabbleTimeout') return { kind: 'noMatch' };
  if (status !== 'Success')
    throw new RecognitionError(
      'unavailable',
      `Azure AI Speech could not recognise the audio (${String(status)})`,
    );
  const best = parsed.NBest?.[0];
  const text = typeof best?.Display === 'string' ? best.Display : parsed.DisplayText;
  if (typeof text !== 'string' || text.trim() === '') return { kind: 'noMatch' };
  return {
    kind: 'heard',
    text,
    ...(typeof best?.Confidence === 'number' ? { confidence: best.Confidence } : {}),
  };
}

/** An answer other than 200, as far as the error says. */
interface Refusal {
  readonly status: number;
}

function failure(res: Refusal): RecognitionError {
  if (res.status === 401 || res.status === 403)
    return new RecognitionError(
      'unauthorized',
      `Azure AI Speech refused the request (${res.status}): check SPEECH_KEY and that SPEECH_REGION or SPEECH_ENDPOINT names the key's resource`,
      res.status,
    );
  if (res.status === 429)
    return new RecognitionError(
      'throttled',
      "Azure AI Speech is throttling requests (429); try again shortly, or raise the resource's tier",
      429,
    );
  if (res.status === 400)
    return new RecognitionError(
      'bad_request',
      'Azure AI Speech refused the audio or the language (400)',
      400,
    );
  return new RecognitionError('unavailable', `Azure AI Speech answered ${res.status}`, res.status);
}

/** The production recogniser on Azure AI Speech's REST API for short audio. */
export function createAzureSpeechRecogniser(opts: AzureSpeechOptions): SpeechRecogniser {
  const url = recognitionUrl(opts);
  if (!opts.key && !opts.token)
    throw new RecognitionError('not_configured', 'Azure AI Speech needs SPEECH_KEY (or a token provider)');
  const fetch = opts.fetch ?? defaultFetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxWait = opts.maxRetryAfterMs ?? 5_000;
  const maxAttempts = opts.maxAttempts ?? 3;
  return {
    async recognise(audio, { language }) {
      const wav = toRecognitionWav(audio);
      try {
        const auth: Record<string, string> = opts.key
          ? { 'ocp-apim-subscription-key': opts.key }
          : { authorization: `Bearer ${await opts.token!()}` };
        const target = `${url}?language=${encodeURIComponent(language)}&format=detailed&profanity=raw`;
        for (let attempt = 1; ; attempt += 1) {
          let res: { status: number; retryAfter: string | null; body: Buffer };
          try {
            const answer = await fetch(target, {
              method: 'POST',
              headers: {
                ...auth,
                'content-type': 'audio/wav; codecs=audio/pcm; samplerate=16000',
                accept: 'application/json',
              },
              body: wav,
              signal: AbortSignal.timeout(timeoutMs),
            });
            res = {
              status: answer.status,
              retryAfter: answer.headers.get('retry-after'),
              body: Buffer.from(await answer.arrayBuffer()),
            };
          } catch (err) {
            const e =
              err instanceof TransportError
                ? err
                : transportError(err, { method: 'POST', url: target, timeoutMs });
            throw new RecognitionError(
              e.timedOut ? 'timeout' : 'unavailable',
              e.timedOut
                ? `Azure AI Speech did not answer within ${timeoutMs} ms`
                : `Azure AI Speech could not be reached (${e.errorCode ?? e.message})`,
            );
          }
          if (res.status === 200) return readRecognition(res.body);
          const retryable = res.status === 429 || res.status === 503 || res.status === 500;
          const wait = parseRetryAfter(res.retryAfter) ?? (res.status === 429 ? 1000 : 500);
          if (!retryable || attempt >= maxAttempts || wait > maxWait) throw failure(res);
          await new Promise((r) => setTimeout(r, wait));
        }
      } finally {
        // The bytes sent are overwritten, whichever copy they were.
        if (wav !== audio) wav.fill(0);
      }
    },
  };
}

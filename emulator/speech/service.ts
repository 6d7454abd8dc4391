// Azure AI Speech's speech-to-text REST API for short audio, as the emulator serves it: subscription
// keys (the tenant's `speech.keys`) or bearer tokens from its issueToken endpoint, the recognition
// endpoint, and faults the control API injects (an error status, Retry-After, a slow answer).
import { randomBytes } from 'node:crypto';
import type { HttpResponse, RequestContext, Route } from '../http';
import { recognise } from './recognise';

/** Tokens from issueToken last 10 minutes, as the service's do. */
const TOKEN_TTL_MS = 10 * 60 * 1000;
export const RECOGNITION_PATH = '/speech/recognition/conversation/cognitiveservices/v1';

/** The next `count` recognitions wait `delayMs`, then answer `status` (or recognise when absent). */
export interface SpeechFault {
  status?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  count: number;
}

export interface SpeechServiceDeps {
  /** The subscription keys the service accepts (read on every request: the tenant may change). */
  keys: () => readonly string[];
  now: () => number;
}

const MESSAGES: Record<number, string> = {
  401: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  403: 'The subscription is not allowed to use this resource.',
  429: 'Requests to the speech recognition operation have exceeded the rate limit of your current tier. Please retry after the time the Retry-After header names.',
  500: 'An internal error occurred.',
  503: 'The service is temporarily unavailable.',
};

const errorBody = (status: number, message = MESSAGES[status] ?? 'The request failed.') => ({
  error: { code: String(status), message },
});

/** The speech service: routes, faults, and how many recognitions it answered. */
export class SpeechService {
  private readonly tokens = new Map<string, number>();
  private fault: SpeechFault | undefined;
  /** Recognition requests received (faulted ones included). */
  requests = 0;

  constructor(private readonly deps: SpeechServiceDeps) {}

  setFault(f: SpeechFault | undefined): void {
    this.fault = f && f.count > 0 ? { ...f } : undefined;
  }

  state(): { requests: number; fault: SpeechFault | null } {
    return { requests: this.requests, fault: this.fault ?? null };
  }

  reset(): void {
    this.fault = undefined;
    this.tokens.clear();
    this.requests = 0;
  }

  routes(): Route[] {
    return [
      { method: 'POST', pattern: RECOGNITION_PATH, handle: (ctx) => this.recognition(ctx) },
      { method: 'POST', pattern: '/sts/v1.0/issueToken', handle: (ctx) => this.issueToken(ctx) },
    ];
  }

  private keyOk(ctx: RequestContext): boolean {
    const key = header(ctx, 'ocp-apim-subscription-key');
    return key !== undefined && this.deps.keys().includes(key);
  }

  private issueToken(ctx: RequestContext): HttpResponse {
    if (!this.keyOk(ctx)) return { status: 401, body: errorBody(401) };
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, this.deps.now() + TOKEN_TTL_MS);
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: token };
  }

  private authorised(ctx: RequestContext): boolean {
    if (this.keyOk(ctx)) return true;
    const bearer = /^Bearer\s+(.+)$/i.exec(header(ctx, 'authorization') ?? '')?.[1]?.trim();
    const until = bearer ? this.tokens.get(bearer) : undefined;
    return until !== undefined && until > this.deps.now();
  }

  private async recognition(ctx: RequestContext): Promise<HttpResponse> {
    this.requests += 1;
    const fault = this.fault;
    if (fault) {
      fault.count -= 1;
      if (fault.count <= 0) this.fault = undefined;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.status) {
        const retry = fault.status === 429 || fault.status === 503;
        return {
          status: fault.status,
          ...(retry ? { headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 1) } } : {}),
          body: errorBody(fault.status),
        };
      }
    }
    if (!this.authorised(ctx)) return { status: 401, body: errorBody(401) };
    const language = ctx.query.get('language');
    if (!language || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(language))
      return {
        status: 400,
        body: errorBody(400, 'The "language" query parameter is missing or not a locale such as en-US.'),
      };
    const answer = recognise(ctx.bodyBytes ?? Buffer.alloc(0), ctx.query.get('format') === 'detailed');
    if (!answer.ok) return { status: answer.status, body: errorBody(answer.status, answer.message) };
    return { status: 200, body: answer.body };
  }
}

function header(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

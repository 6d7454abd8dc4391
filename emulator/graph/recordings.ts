// Recordings made by recordResponse: each is served once at its recordingLocation to a request that
// carries its recordingAccessToken, then forgotten (the real service keeps them only briefly too).
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { HttpResponse, RequestContext } from '../http';

interface Stored {
  wav: Buffer;
  token: string;
  callId: string;
}

/** How long an unfetched recording is kept. */
export const RECORDING_TTL_MS = 30 * 60 * 1000;

/** The recordings waiting to be fetched. */
export class RecordingStore {
  private readonly items = new Map<string, Stored>();

  constructor(private readonly publicBase: () => string) {}

  /** Stores a WAV; returns where it can be fetched and the token that unlocks it. */
  add(callId: string, wav: Buffer): { id: string; location: string; token: string } {
    const id = randomUUID();
    const token = randomBytes(24).toString('base64url');
    this.items.set(id, { wav, token, callId });
    return { id, location: `${this.publicBase()}/media/recordings/${id}`, token };
  }

  forget(id: string): void {
    this.items.delete(id);
  }

  clear(): void {
    this.items.clear();
  }

  size(): number {
    return this.items.size;
  }

  /** GET /media/recordings/{id}: 200 with the WAV once; 401 without the right token; 404 afterwards. */
  serve(ctx: RequestContext): HttpResponse {
    const id = ctx.params.id ?? '';
    const item = this.items.get(id);
    if (!item)
      return {
        status: 404,
        body: {
          error: { code: 'itemNotFound', message: 'The recording does not exist or was already downloaded.' },
        },
      };
    const auth = ctx.headers.authorization ?? '';
    const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? '');
    const expected = Buffer.from(item.token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer' },
        body: {
          error: {
            code: 'InvalidAuthenticationToken',
            message: 'Send the recordingAccessToken as a Bearer token.',
          },
        },
      };
    }
    this.items.delete(id);
    return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: item.wav };
  }
}

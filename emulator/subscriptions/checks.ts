// The rules a subscription body must meet beyond the CSDL: https endpoints (plain http only to a
// loopback address), a clientState of at most 128 characters, and an expiry in the future within the
// resource's maximum lifetime (Graph's ExtensionError wording).
import { GraphError } from '../http';
import { invalidProperty } from '../odata';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
/** Graph's limit on clientState. */
export const CLIENT_STATE_MAX = 128;

/** An endpoint URL Graph will POST to; throws 400 otherwise. */
export function checkEndpoint(value: unknown, name: string): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) throw invalidProperty(name, `'${name}' must be an absolute URL.`, 'InvalidRequest');
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!ok)
    throw invalidProperty(
      name,
      `'${name}' must use https (this emulator also takes plain http to a loopback address); got '${String(value)}'.`,
      'InvalidRequest',
    );
  return String(value);
}

/** clientState, when given, is at most 128 characters. */
export function checkClientState(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value);
  if (s.length > CLIENT_STATE_MAX)
    throw invalidProperty(
      'clientState',
      `'clientState' is ${s.length} characters long; the maximum is ${CLIENT_STATE_MAX}.`,
    );
  return s;
}

/** The expiry in ms: in the future and at most `maxMinutes` away (400 ExtensionError past that). */
export function checkExpiration(value: unknown, now: number, maxMinutes: number): number {
  const at = Date.parse(String(value));
  if (Number.isNaN(at))
    throw invalidProperty('expirationDateTime', "'expirationDateTime' is not a valid date and time.");
  if (at <= now)
    throw new GraphError(400, 'ExtensionError', 'Subscription expiration can only be in the future.');
  if (at > now + maxMinutes * 60_000)
    throw new GraphError(
      400,
      'ExtensionError',
      `Subscription expiration can only be ${maxMinutes} minutes in the future.`,
    );
  return at;
}

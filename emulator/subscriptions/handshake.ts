// The validation handshake (SPEC.md §8.2): Graph POSTs `{notificationUrl}?validationToken={token}`
// (text/plain, empty body) and the endpoint must answer 200 with the URL-decoded token as its body
// within 10 seconds; otherwise the create (or the PATCH that moved the URL) fails with 400.
import { randomBytes } from 'node:crypto';
import { GraphError } from '../http';
import { post } from './http-post';

/** How long Graph waits for the echo. */
export const VALIDATION_TIMEOUT_MS = 10_000;

/** A fresh opaque token; it has spaces and a colon so that an endpoint echoing it still encoded fails. */
export function newValidationToken(): string {
  return `Validation: Switchboard emulator token ${randomBytes(9).toString('base64url')}`;
}

/** The URL Graph POSTs to: the endpoint's own query string kept, validationToken added. */
export function validationUrl(notificationUrl: string, token: string): string {
  const url = new URL(notificationUrl);
  url.searchParams.append('validationToken', token);
  return url.toString();
}

/** Runs the handshake against one URL; throws Graph's 400 when it fails. */
export async function validateEndpoint(
  notificationUrl: string,
  opts: { timeoutMs?: number; ca?: string } = {},
): Promise<void> {
  const token = newValidationToken();
  const answer = await post(validationUrl(notificationUrl, token), {
    body: '',
    contentType: 'text/plain; charset=utf-8',
    timeoutMs: opts.timeoutMs ?? VALIDATION_TIMEOUT_MS,
    ca: opts.ca,
  });
  if ('error' in answer) {
    if (answer.timedOut)
      throw new GraphError(400, 'InvalidRequest', 'Subscription validation request timed out.');
    throw new GraphError(
      400,
      'ValidationError',
      'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
    );
  }
  if (answer.status !== 200)
    throw new GraphError(
      400,
      'ValidationError',
      'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
    );
  if (answer.body !== token)
    throw new GraphError(
      400,
      'ValidationError',
      'Subscription validation request failed. Response must exactly match validationToken query parameter.',
    );
}

/** Reads EMULATOR_SUBSCRIPTION_VALIDATION_TIMEOUT_MS (tests shorten the 10 s wait); 10 s by default. */
export function validationTimeoutFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.EMULATOR_SUBSCRIPTION_VALIDATION_TIMEOUT_MS;
  if (raw === undefined || raw === '') return VALIDATION_TIMEOUT_MS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 1)
    throw new Error(`EMULATOR_SUBSCRIPTION_VALIDATION_TIMEOUT_MS must be a number >= 1, got "${raw}"`);
  return n;
}

import type { Activity, ActivityHandler } from 'botbuilder';
import type { SwitchboardAdapter } from './adapter';
import { BotAuthRefused } from '../errors';
import type { BotRequest, BotResponse } from '../types';

const BAD_ACTIVITY: BotResponse = {
  status: 400,
  body: { error: { code: 'bad_request', message: 'The body is not a valid Bot Framework activity.' } },
};

// What botbuilder throws when it refuses a token. Its AuthenticationError carries the HTTP status it
// means; the class lives in botframework-connector, which the app does not depend on directly, so it is
// recognised by its shape. A token whose signature does not verify under a published key id escapes as
// jsonwebtoken's own error (botbuilder would answer it 500): it is a refusal all the same.
const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);
function isAuthRefusal(err: unknown): err is Error {
  if (!(err instanceof Error)) return false;
  if (JWT_ERRORS.has(err.name)) return true;
  const status = (err as { statusCode?: unknown }).statusCode;
  return err.constructor.name === 'AuthenticationError' && (status === 401 || status === 403);
}

/**
 * The activity as botbuilder's turns expect it: an object with a `type`, its timestamps as Dates (the
 * wire's strings kept in the `raw…` fields), which is what CloudAdapter.process does before a turn.
 */
function readActivity(body: Record<string, unknown>): Activity | undefined {
  if (typeof body['type'] !== 'string' || body['type'] === '') return undefined;
  const activity: Record<string, unknown> = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = body[field];
    if (typeof value !== 'string') continue;
    activity[raw] = value;
    activity[field] = new Date(value);
  }
  return activity as unknown as Activity;
}

function authorizationOf(headers: BotRequest['headers']): string {
  const value = headers['authorization'] ?? headers['Authorization'];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * Runs one request's activity through the adapter (which authenticates it, then runs the turn) and
 * answers what the turn returns: an invoke's status and body, else 200. CloudAdapter.process would do
 * the same but writes every refused token to stderr with its stack and answers it in plain text; a
 * refusal here is a BotAuthRefused for the host to answer and log like any other 401.
 */
export async function processActivity(
  adapter: SwitchboardAdapter,
  handler: ActivityHandler,
  req: BotRequest,
): Promise<BotResponse> {
  const activity = readActivity(req.body);
  if (!activity) return BAD_ACTIVITY;
  try {
    const invoke = await adapter.run(authorizationOf(req.headers), activity, (ctx) => handler.run(ctx));
    return invoke ? { status: invoke.status, body: invoke.body } : { status: 200 };
  } catch (err) {
    if (isAuthRefusal(err)) throw new BotAuthRefused(err.message);
    throw err;
  }
}

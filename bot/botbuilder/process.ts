import type { Activity, ActivityHandler } from 'botbuilder';
import type { SwitchboardAdapter } from './adapter';
import type { BotRequest, BotResponse } from '../types';

const BAD_ACTIVITY: BotResponse = {
  status: 400,
  body: { error: { code: 'bad_request', message: 'The body is not a valid Bot Framework activity.' } },
};

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
 * answers what the turn returns: an invoke's status and body, else 200, as CloudAdapter.process does.
 * A refused token rejects with BotAuthRefused, keys that cannot be fetched with BotAuthUnavailable.
 */
export async function processActivity(
  adapter: SwitchboardAdapter,
  handler: ActivityHandler,
  req: BotRequest,
): Promise<BotResponse> {
  const activity = readActivity(req.body);
  if (!activity) return BAD_ACTIVITY;
  const invoke = await adapter.run(authorizationOf(req.headers), activity, (ctx) => handler.run(ctx));
  // botbuilder's typing says an invoke response always has a status; a handler's own may not.
  return invoke
    ? { status: (invoke.status as number | undefined) ?? 200, body: invoke.body }
    : { status: 200 };
}

import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { BotRequest, BotResponse } from '../types';

/** Runs one HTTP request through CloudAdapter.process and collects the response it writes. */
export async function processActivity(
  adapter: CloudAdapter,
  handler: ActivityHandler,
  req: BotRequest,
): Promise<BotResponse> {
  let status = 200;
  let body: unknown;
  // botbuilder writes to an Express/restify-like response; collect what it writes.
  const res = {
    socket: undefined,
    status(code: number) {
      status = code;
      return res;
    },
    header() {
      return res;
    },
    send(payload?: unknown) {
      body = payload;
      return res;
    },
    end() {
      return res;
    },
  };
  try {
    await adapter.process({ body: req.body, headers: req.headers, method: 'POST' }, res, (ctx) =>
      handler.run(ctx),
    );
  } catch (e) {
    // botbuilder validates the activity's shape (with zod) before its own error handling starts.
    if (e instanceof Error && (e.name === 'ZodError' || e.message.startsWith('validateAndFixActivity'))) {
      return {
        status: 400,
        body: { error: { code: 'bad_request', message: 'The body is not a valid Bot Framework activity.' } },
      };
    }
    throw e;
  }
  return { status, body };
}

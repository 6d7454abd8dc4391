import { createAdapter, type BotAuthSettings } from './adapter';
import { SwitchboardBot } from './handler';
import type { BotLogger, BotRequest, BotResponse } from './types';

export type { BotAuthSettings, BotLogger, BotRequest, BotResponse };

export interface Bot {
  /** Runs one inbound activity through botbuilder (auth, turn) and returns what to answer. */
  process(req: BotRequest): Promise<BotResponse>;
}

/** Builds the messaging bot from botbuilder settings and a logger. */
export function createBot(opts: { auth: BotAuthSettings; logger: BotLogger }): Bot {
  const adapter = createAdapter(opts.auth, opts.logger);
  const bot = new SwitchboardBot();
  return {
    async process(req) {
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
          bot.run(ctx),
        );
      } catch (e) {
        // botbuilder validates the activity's shape (with zod) before its own error handling starts.
        if (e instanceof Error && (e.name === 'ZodError' || e.message.startsWith('validateAndFixActivity'))) {
          return {
            status: 400,
            body: {
              error: { code: 'bad_request', message: 'The body is not a valid Bot Framework activity.' },
            },
          };
        }
        throw e;
      }
      return { status, body };
    },
  };
}

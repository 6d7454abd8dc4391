import { BotAuthRefused, BotAuthUnavailable, type Bot } from '../bot';
import { AppError } from './errors';
import type { Edge } from './http/types';

/** POST /api/messages: parse the activity, hand it to botbuilder (which authenticates it), relay its answer. */
export function messagesEdge(bot: Bot): Edge {
  return async (req) => {
    const body = await req.json();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new AppError('bad_request', 'The request body must be a Bot Framework activity (a JSON object).');
    }
    try {
      const result = await bot.process({ body: body as Record<string, unknown>, headers: req.headers });
      return { status: result.status, body: result.body };
    } catch (err) {
      // Answered and logged like every other refusal: one line, the app's error shape, no stack.
      if (err instanceof BotAuthRefused) {
        throw new AppError('unauthorized', `The Bot Framework token was refused: ${err.message}`);
      }
      // Nothing is wrong with the request: 503 has the channel send it again.
      if (err instanceof BotAuthUnavailable) {
        throw new AppError(
          'unavailable',
          "The Bot Framework token could not be checked just now (the channel's signing keys are out of reach); try again.",
        );
      }
      throw err;
    }
  };
}

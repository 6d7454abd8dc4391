import type { Problem } from './cards/error-card';

/** A failure the bot explains to the user; `code` is stable, `hint` says what to do. */
export class BotError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly title = 'That did not work',
  ) {
    super(message);
    this.name = 'BotError';
  }
}

/**
 * A request whose channel token the host refused (missing, unreadable, not signed for this bot): the
 * server answers it 401 in the app's error shape. The message says what was wrong, never how to get in.
 */
export class BotAuthRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BotAuthRefused';
  }
}

/**
 * A request whose token could not be checked just now: the channel's signing keys could not be fetched.
 * Nothing is wrong with the request; the server answers 503 so the channel sends it again.
 */
export class BotAuthUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BotAuthUnavailable';
  }
}

function field(err: object, name: string): string | undefined {
  const v = (err as Record<string, unknown>)[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/**
 * The problem to show for an error: a BotError or a port failure (an Error with `code` and a readable
 * message, optionally `hint`) is shown as is; anything else is unexpected and shown without internals.
 */
export function problemOf(err: unknown): { problem: Problem; expected: boolean } {
  if (err instanceof BotError) {
    return {
      problem: {
        title: err.title,
        message: err.message,
        code: err.code,
        ...(err.hint ? { hint: err.hint } : {}),
      },
      expected: true,
    };
  }
  if (err instanceof Error && field(err, 'code')) {
    const hint = field(err, 'hint');
    return {
      problem: {
        title: 'That did not work',
        message: err.message,
        code: field(err, 'code')!,
        ...(hint ? { hint } : {}),
      },
      expected: true,
    };
  }
  return {
    problem: {
      title: 'Something went wrong on our side',
      message: 'The request failed unexpectedly. It has been logged.',
      hint: 'Try again in a moment; if it keeps failing, tell your Switchboard administrator the time it happened.',
      code: 'internal',
    },
    expected: false,
  };
}

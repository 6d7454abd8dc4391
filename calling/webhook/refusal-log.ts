import type { TokenRejection, WebhookLogger } from './types';

export interface RefusalLogOptions {
  /** Refusals logged one by one per reason in each window (default 5). */
  readonly perReason?: number;
  /** The window, and how often a count of the refusals not logged one by one is written (default 60 s). */
  readonly windowMs?: number;
  readonly now?: () => number;
}

/** Logs refused notifications so that a flood of them stays visible but cheap. */
export type RefusalLog = (reason: TokenRejection) => void;

/**
 * Logs the first few refusals of each reason in a window at info, one line each, then only counts; when
 * the window ends, one info line gives the counts of those not logged. A forged-token flood thus costs a
 * counter increment per request instead of a log line, and operators still see what was refused and how
 * often.
 */
export function createRefusalLog(logger: WebhookLogger, opts: RefusalLogOptions = {}): RefusalLog {
  const perReason = opts.perReason ?? 5;
  const windowMs = opts.windowMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let windowStart = now();
  const logged = new Map<TokenRejection, number>();
  let unlogged = new Map<TokenRejection, number>();
  let timer: NodeJS.Timeout | undefined;

  const summarize = () => {
    timer = undefined;
    const counts = Object.fromEntries(unlogged);
    const total = [...unlogged.values()].reduce((a, b) => a + b, 0);
    unlogged = new Map();
    if (total > 0) {
      logger.info(
        { refused: counts, total, windowSec: Math.round(windowMs / 1000) },
        'calling notifications refused (not logged one by one)',
      );
    }
  };

  return (reason) => {
    const t = now();
    if (t - windowStart >= windowMs) {
      windowStart = t;
      logged.clear();
    }
    const n = logged.get(reason) ?? 0;
    if (n < perReason) {
      logged.set(reason, n + 1);
      logger.info({ reason }, 'calling notification refused');
      return;
    }
    unlogged.set(reason, (unlogged.get(reason) ?? 0) + 1);
    if (!timer) {
      // The count goes out at the end of the window even if the flood stops; it never holds the process.
      timer = setTimeout(summarize, Math.max(0, windowStart + windowMs - t));
      timer.unref();
    }
  };
}

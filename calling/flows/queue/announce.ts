// What a waiting caller is told every so often: their place in the queue and a rough wait, in words
// the text-to-speech voice says well (no digits run together, no "1 minutes").

/** Used until a queue has finished calls to learn from. */
export const DEFAULT_HANDLE_MS = 3 * 60_000;

/**
 * The expected wait of the caller at `position` (1 = front): the callers ahead of them and they
 * themselves, shared out over the agents, each taking the queue's mean handling time.
 */
export function estimateWaitMs(position: number, agents: number, averageHandleMs?: number): number {
  const handle = averageHandleMs ?? DEFAULT_HANDLE_MS;
  return Math.ceil(position / Math.max(1, agents)) * handle;
}

/** A wait in words: "less than a minute", "about one minute", "about 4 minutes". */
export function waitInWords(ms: number): string {
  if (ms < 60_000) return 'less than a minute';
  const minutes = Math.round(ms / 60_000);
  return minutes === 1 ? 'about one minute' : `about ${minutes} minutes`;
}

/** The announcement for a caller at `position` whose expected wait is `waitMs`. */
export function positionAnnouncement(position: number, waitMs: number): string {
  const place = position <= 1 ? 'You are next in line.' : `You are number ${position} in the queue.`;
  return `${place} Your expected wait is ${waitInWords(waitMs)}.`;
}

/** How long a caller has waited, for a card: "45 seconds", "3 minutes". */
export function waitedInWords(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

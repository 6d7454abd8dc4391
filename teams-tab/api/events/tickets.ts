// One-time tickets for the event stream: EventSource cannot send an Authorization header, so the tab
// trades its token for a short-lived, single-use ticket and puts that in the stream's URL.
import { randomBytes } from 'node:crypto';
import type { AuthResult, TabUser } from '../auth/types';

export const TICKET_TTL_MS = 60_000;

export interface Tickets {
  issue(user: TabUser, ids: readonly string[]): { ticket: string; expiresInSeconds: number };
  /** The ticket's user (once); a later, unknown or expired ticket is refused. */
  redeem(ticket: string): AuthResult;
  /** The people a redeemed ticket asked to watch. */
  watchedBy(user: TabUser): readonly string[] | undefined;
}

/** An in-memory ticket book (a ticket is redeemed on the instance that issued it within a minute). */
export function createTickets(now: () => number): Tickets {
  const book = new Map<string, { user: TabUser; ids: readonly string[]; expires: number }>();
  const watched = new WeakMap<TabUser, readonly string[]>();
  return {
    issue(user, ids) {
      for (const [k, v] of book) if (v.expires <= now()) book.delete(k);
      const ticket = randomBytes(24).toString('base64url');
      book.set(ticket, { user, ids, expires: now() + TICKET_TTL_MS });
      return { ticket, expiresInSeconds: TICKET_TTL_MS / 1000 };
    },
    redeem(ticket) {
      const entry = book.get(ticket);
      book.delete(ticket);
      if (!entry || entry.expires <= now()) return { ok: false, reason: 'ticket' };
      // A fresh object per redemption, so the watch list belongs to this stream alone.
      const user = { ...entry.user };
      watched.set(user, entry.ids);
      return { ok: true, user };
    },
    watchedBy: (user) => watched.get(user),
  };
}

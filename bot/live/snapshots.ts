// Which of two snapshots of a call a card should show: the newer version, never back from Ended, and the
// people the card last showed when a snapshot names nobody.
import type { LiveCall } from '../ports';

const RANK: Record<LiveCall['phase'], number> = {
  ringing: 0,
  connecting: 1,
  connected: 2,
  onHold: 2,
  transferring: 2,
  ended: 3,
};

/** True when `next` should replace `shown` on a card: never back from ended, never an older version. */
export function isNewer(next: LiveCall, shown: LiveCall | undefined): boolean {
  if (!shown) return true;
  if (shown.phase === 'ended' && next.phase !== 'ended') return false;
  if (next.version !== undefined && shown.version !== undefined) return next.version > shown.version;
  if (RANK[next.phase] < RANK[shown.phase]) return false;
  return JSON.stringify(next) !== JSON.stringify(shown);
}

/**
 * Graph's roster can lag or be empty once a call ends; a card should still say who the call was with.
 * When a snapshot names nobody but the bot, the people last shown are kept.
 */
export function keepPeople(next: LiveCall, shown: LiveCall | undefined): LiveCall {
  const people = (c: LiveCall) => c.participants.filter((p) => p.kind !== 'bot');
  if (!shown || people(next).length > 0 || people(shown).length === 0) return next;
  return { ...next, participants: [...next.participants, ...people(shown)] };
}

export function newest(...calls: Array<LiveCall | undefined>): LiveCall | undefined {
  let best: LiveCall | undefined;
  for (const c of calls) if (c && isNewer(c, best)) best = c;
  return best;
}

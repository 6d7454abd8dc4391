// How a person's presence is worked out from its sources: their own state (what they chose in the
// Teams client, or the seed), the presence sessions apps opened with setPresence, and whether they are
// on a live call right now.
import type { PresenceState } from './states';
import { rankOf } from './states';

/** What the person is doing in the call engine: a two-party call, a group call or meeting, or nothing. */
export type CallActivity = 'p2p' | 'conference' | undefined;

/**
 * States a person sets by hand that the Teams client keeps through calls: Do not disturb, Be right
 * back, and Appear offline (Offline/OffWork). Offline/Offline means not signed in, which counts least.
 */
export function isUserChoice(own: PresenceState): boolean {
  return (
    own.availability === 'DoNotDisturb' ||
    own.availability === 'BeRightBack' ||
    (own.availability === 'Offline' && own.activity === 'OffWork')
  );
}

/**
 * The presence Graph reports: a hand-set choice stands; otherwise a live call shows Busy/InACall
 * (InAConferenceCall for group calls and meetings); otherwise the strongest of the person's own state
 * and the apps' sessions (DoNotDisturb > Busy > Available > Away), the person's own state winning a tie.
 */
export function effectivePresence(
  own: PresenceState,
  sessions: readonly PresenceState[],
  call: CallActivity,
): PresenceState {
  if (isUserChoice(own)) return { ...own };
  if (call) return { availability: 'Busy', activity: call === 'p2p' ? 'InACall' : 'InAConferenceCall' };
  let best = own;
  for (const s of sessions) if (rankOf(s.availability) > rankOf(best.availability)) best = s;
  return { availability: best.availability, activity: best.activity };
}

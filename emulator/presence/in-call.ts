// Whether a person is on a live call in the call engine, and what kind: connected means in the call's
// roster (a P2P counterpart joins it on answering; a caller is in it from dialling); being rung is not.
import type { CallRec } from '../graph';
import type { CallActivity } from './aggregate';

/** The person's call activity across the engine's calls. */
export function callActivityOf(calls: Iterable<CallRec>, personId: string): CallActivity {
  const key = personId.toLowerCase();
  let found: CallActivity;
  for (const call of calls) {
    if (call.state === 'terminated') continue;
    const inRoster = [...call.participants.values()].some(
      (p) => !p.isBot && p.personId?.toLowerCase() === key,
    );
    if (!inRoster) continue;
    if (call.kind !== 'p2p') return 'conference';
    found = 'p2p';
  }
  return found;
}

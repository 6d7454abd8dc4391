// Who a call card lists: everyone rung or seen, each with their entry among those in the call now (for
// mute), matched by the call model's key for the person, so a phone caller matches as a colleague does.
import type { Call, Participant } from './types';

export type CallPersonRow = Call['people'][number] & { readonly live?: Participant };

/** The people of a call other than the app, each joined one with their live entry. */
export function peopleOfCall(call: Call): CallPersonRow[] {
  const inCall = new Map(call.participants.filter((p) => !p.isBot).map((p) => [p.key, p] as const));
  return (call.people ?? [])
    .filter((p) => !p.isBot)
    .map((p) => {
      const live = p.status === 'joined' ? inCall.get(p.key) : undefined;
      return live ? { ...p, live } : p;
    });
}

import { callCard } from '../cards/call-card';
import { errorCard } from '../cards/error-card';
import type { Outcome, Scope } from './scope';

/** The call card as it is now, in place of the card whose button was pressed. */
export async function currentCall(callId: string, s: Scope, note?: string): Promise<Outcome> {
  const call = await s.liveCall(callId);
  if (!call) {
    return {
      card: errorCard({
        title: 'That call is gone',
        message: 'I have no record of that call any more; it has ended.',
        hint: 'Send "calls" to see the calls that are live now.',
        code: 'call_not_found',
      }),
      inPlace: true,
    };
  }
  const shownNote = call.phase === 'ended' ? undefined : note;
  return {
    card: callCard(call, {
      now: s.clock.now,
      refreshUserIds: [s.userId],
      ...(shownNote ? { note: shownNote } : {}),
    }),
    inPlace: true,
    track: call,
  };
}

import { callCard } from '../cards/call-card';
import { resolveParties } from '../people/resolve';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** The meeting card's "call everyone in": the bot joins the meeting and calls each attendee into it. */
export async function callEveryone(cmd: CommandOf<'callEveryone'>, s: Scope): Promise<Outcome> {
  const queries = cmd.attendeeIds.map((id) => ({ kind: 'id' as const, id }));
  const r = await resolveParties(queries, s, 'meet', (q) => ({
    ...cmd,
    attendeeIds: q.flatMap((x) => (x.kind === 'id' ? [x.id] : [])),
  }));
  if (!r.ok) return r.outcome;
  const joined = await s.ports.calls.joinMeeting(cmd.joinUrl, s.requester, r.targets);
  return {
    card: callCard(joined, {
      now: s.clock.now,
      refreshUserIds: [s.userId],
      note: `Calling ${r.targets.length} people in.`,
    }),
    track: joined,
  };
}

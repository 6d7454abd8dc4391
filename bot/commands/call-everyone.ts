import { callCard } from '../cards/call-card';
import { resolveParties } from '../people/resolve';
import type { CallTarget, LiveCall } from '../ports';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** The bot's live call in the meeting with this join link, if it has one (one meeting, one call). */
export async function callInMeeting(s: Scope, joinUrl: string): Promise<LiveCall | undefined> {
  return (await s.ports.calls.listLive()).find((c) => c.kind === 'meeting' && c.meeting?.joinUrl === joinUrl);
}

const isIn = (call: LiveCall, t: CallTarget) =>
  t.kind === 'person' &&
  call.participants.some(
    (p) => p.status === 'joined' && p.userId?.toLowerCase() === t.person.id.toLowerCase(),
  );

/**
 * The meeting card's "call everyone in": the organizer and the attendees are called into the bot's call
 * in that meeting; when the bot is not in it yet, it joins first.
 */
export async function callEveryone(cmd: CommandOf<'callEveryone'>, s: Scope): Promise<Outcome> {
  const queries = cmd.attendeeIds.map((id) => ({ kind: 'id' as const, id }));
  const r = await resolveParties(queries, s, 'meet', (q) => ({
    ...cmd,
    attendeeIds: q.flatMap((x) => (x.kind === 'id' ? [x.id] : [])),
  }));
  if (!r.ok) return r.outcome;
  const existing = await callInMeeting(s, cmd.joinUrl);
  let call: LiveCall;
  if (existing) {
    const missing = r.targets.filter((t) => !isIn(existing, t));
    for (const t of missing) await s.ports.calls.invite(existing.id, t, s.requester);
    call = (await s.ports.calls.get(existing.id)) ?? existing;
  } else {
    call = await s.ports.calls.joinMeeting(cmd.joinUrl, s.requester, r.targets, cmd.subject);
  }
  return {
    card: callCard(call, {
      now: s.clock.now,
      refreshUserIds: [s.userId],
      note: `Calling ${r.targets.length} people in.`,
    }),
    track: call,
  };
}

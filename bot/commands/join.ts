import { callCard } from '../cards/call-card';
import { errorCard } from '../cards/error-card';
import { callInMeeting } from './call-everyone';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** join [link]: the bot joins the meeting; without a link, the meeting whose chat this is. */
export async function join(cmd: CommandOf<'join'>, s: Scope): Promise<Outcome> {
  const joinUrl = cmd.joinUrl ?? (await s.roster.meetingJoinUrl());
  if (!joinUrl) {
    return {
      card: errorCard({
        title: 'Which meeting?',
        message: 'This chat does not belong to a meeting, so I need its join link.',
        hint: 'Copy the link from the meeting invitation ("Join the meeting now") and send "join <link>".',
        command: 'join',
        code: 'no_meeting',
      }),
    };
  }
  // One meeting, one call: a bot already in it stays in the call it has.
  const joined =
    (await callInMeeting(s, joinUrl)) ??
    (await s.ports.calls.joinMeeting(joinUrl, s.requester, undefined, cmd.subject));
  return { card: callCard(joined, { now: s.clock.now, refreshUserIds: [s.userId] }), track: joined };
}

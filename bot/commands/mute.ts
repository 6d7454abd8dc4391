import type { CommandOf } from './command';
import { currentCall } from './current-call';
import type { Outcome, Scope } from './scope';

/** The call card's Mute form: mutes one participant. */
export async function mute(cmd: CommandOf<'mute'>, s: Scope): Promise<Outcome> {
  const call = await s.liveCall(cmd.callId);
  const who = call?.participants.find((p) => p.id === cmd.participantId)?.name ?? 'them';
  await s.ports.calls.muteParticipant(cmd.callId, cmd.participantId, s.requester);
  return currentCall(cmd.callId, s, `Muting ${who}…`);
}

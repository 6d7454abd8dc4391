// Whom a mute is for. A surface may know a person only by their user id: in a 1:1 call Graph sends no
// roster (SPEC §3.1), so the model never learns their participant id. An id that is not a participant of
// the roster is looked up in the participants Graph lists now (by participant id, then by the user id of
// each participant's identity) and sent back as Graph spelled that participant's id.
import type { StoredCall } from '../storage';
import { idKey } from '../ids';
import { graphCtx, type CoreContext } from './context';
import { CallOperationError } from './errors';
import { identityOfInfo } from './identity';
import { readMeta } from './model/annotations';
import { rungOfIdentity } from './model/keys';
import type { MuteTarget } from './model/mute';
import { presentEntry, readRoster } from './roster';

const fold = (id: string) => idKey(id).toLowerCase();

/** Whether Graph has sent this call any roster (group calls and meetings only). */
export function hasRoster(call: StoredCall): boolean {
  const roster = readRoster(call.participants);
  return Object.keys(roster.present).length > 0 || Object.keys(roster.gone).length > 0;
}

/** The participant `given` names (a participant id in any spelling, or a user id); throws when nobody. */
export async function resolveMuteTarget(
  ctx: CoreContext,
  call: StoredCall,
  given: string,
  clientContext: string,
): Promise<MuteTarget> {
  const entry = presentEntry(readRoster(call.participants), given);
  if (entry) return { participantId: entry.id };
  const listed = await ctx.graph.listParticipants(call.wireId, graphCtx(call, clientContext));
  const wanted = fold(given);
  const found =
    listed.find((p) => typeof p.id === 'string' && fold(p.id) === wanted) ??
    listed.find((p) => {
      const who = identityOfInfo(p.info);
      return who.kind === 'user' && who.id !== undefined && fold(who.id) === wanted;
    });
  if (typeof found?.id !== 'string') {
    const name =
      readMeta(call.meta).people?.find((p) => p.participantId === given || fold(p.key) === wanted)?.name ??
      given;
    throw new CallOperationError(
      'invalid_request',
      `${name} is not in this call, so there is nobody to mute: refresh the call to see who is in it.`,
      { callId: call.id },
    );
  }
  return { participantId: found.id, who: rungOfIdentity(identityOfInfo(found.info), found.id) };
}

// Participants of a call: list, invite, mute, remove (SPEC §4).
import type { Participant } from '@microsoft/microsoft-graph-types';
import type { StoredCall } from '../storage';
import { graphCtx, LIVE, requireCall, wireIdOf, type CoreContext } from './context';
import { CallOperationError } from './errors';
import type { OpOptions } from './media-actions';
import { noteQuietly } from './model/annotate';
import { withMuteAsked, withMuted, withRinging, type MuteTarget } from './model/annotations';
import { rungOfParty } from './model/keys';
import { hasRoster, resolveMuteTarget } from './mute-target';
import { invitee, type Party } from './requests';
import { presentEntry, readRoster } from './roster';
import { runOperation } from './run-operation';
import { participantView, type OperationView, type ParticipantView } from './views';

/** The call's participants as Graph lists them now. */
export async function listParticipants(ctx: CoreContext, callId: string): Promise<ParticipantView[]> {
  const call = await requireCall(ctx, callId, undefined, 'list participants');
  const list: Participant[] = await ctx.graph.listParticipants(call.wireId, graphCtx(call));
  return list
    .filter((p): p is Participant & { id: string } => typeof p.id === 'string')
    .map((p) =>
      participantView({ id: p.id, resource: p as unknown as Record<string, unknown> }, call.myParticipantId),
    );
}

/** Invites people into the call (with replacesCallId: one person, moved from their call with us). */
export function inviteParticipants(
  ctx: CoreContext,
  callId: string,
  parties: readonly Party[],
  opts: OpOptions & { replacesCallId?: string } = {},
): Promise<OperationView> {
  if (parties.length === 0)
    throw new CallOperationError('invalid_request', 'Say whom to invite.', { callId });
  if (opts.replacesCallId && parties.length > 1) {
    throw new CallOperationError(
      'invalid_request',
      'With replacesCallId Graph invites one person per request.',
      { callId },
    );
  }
  return runOperation(
    ctx,
    callId,
    'invite',
    async (call, clientContext) => {
      const replaces = opts.replacesCallId ? await wireIdOf(ctx, opts.replacesCallId) : undefined;
      // Whom the invitation rings, by name; its failure (handle-operation.ts) says how the ring ended.
      const rung = parties.map(rungOfParty);
      await noteQuietly(ctx, call.id, (m) => withRinging(m, rung, 'invite', ctx.clock.now(), clientContext));
      return ctx.graph.inviteParticipants(
        call.wireId,
        {
          participants: parties.map((p) =>
            invitee(p, { tenantId: call.tenantId, ...(replaces ? { replacesCallId: replaces } : {}) }),
          ),
          clientContext,
        },
        graphCtx(call, clientContext),
      );
    },
    { states: LIVE, ...opts },
  );
}

/** A participant id as Graph spelled it in the call's roster (any spelling finds it); else as given. */
function participantWireId(call: StoredCall, participantId: string): string {
  return presentEntry(readRoster(call.participants), participantId)?.id ?? participantId;
}

/**
 * Mutes another participant (server mute), named by participant id or, where the model knows none (a 1:1
 * call), by user id. The model shows it pending until confirmed: by the roster in a call that has one,
 * by the completed operation in a call without (model/mute.ts).
 */
export async function muteParticipant(
  ctx: CoreContext,
  callId: string,
  participantId: string,
  opts: OpOptions = {},
): Promise<OperationView> {
  let target: MuteTarget = { participantId };
  try {
    const op = await runOperation(
      ctx,
      callId,
      'muteParticipant',
      async (call, clientContext) => {
        target = await resolveMuteTarget(ctx, call, participantId, clientContext);
        await noteQuietly(ctx, call.id, (m) => withMuteAsked(m, target, ctx.clock.now()));
        return ctx.graph.muteParticipant(
          call.wireId,
          target.participantId,
          { clientContext },
          graphCtx(call, clientContext),
        );
      },
      { states: LIVE, ...opts },
    );
    if (op.status === 'completed') {
      await noteQuietly(ctx, callId, (m, call) =>
        hasRoster(call) ? m : withMuted(m, target, ctx.clock.now()),
      );
    }
    return op;
  } catch (err) {
    await noteQuietly(ctx, callId, (m) => withMuteAsked(m, target, ctx.clock.now(), false));
    throw err;
  }
}

/** Removes a participant from the call. */
export async function removeParticipant(
  ctx: CoreContext,
  callId: string,
  participantId: string,
): Promise<void> {
  const call = await requireCall(ctx, callId, LIVE, 'remove a participant');
  await ctx.graph.deleteParticipant(call.wireId, participantWireId(call, participantId), graphCtx(call));
  await ctx.data.timeline.add([
    { callId, at: ctx.clock.now(), kind: 'request', summary: `removed participant ${participantId}` },
  ]);
}

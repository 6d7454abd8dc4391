// Typed calls to /communications/calls/{id}/participants (SPEC §4).
import type {
  CommsOperation,
  InviteParticipantsOperation,
  MuteParticipantOperation,
  Participant,
  StartHoldMusicOperation,
  StopHoldMusicOperation,
} from '@microsoft/microsoft-graph-types';
import { CallingError } from '../errors';
import { operationFrom, seg } from './operation-result';
import type {
  ClientContextParams,
  GraphClient,
  GraphContext,
  InviteParams,
  StartHoldMusicParams,
} from './types';

/** The participants API of a call. Every method throws CallingError on failure. */
export interface ParticipantsApi {
  /** The roster, all pages. */
  listParticipants(callId: string, ctx?: GraphContext): Promise<Participant[]>;
  getParticipant(callId: string, participantId: string, ctx?: GraphContext): Promise<Participant>;
  /** Invites up to 5 people into a group call (1 when replacesCallId is used). */
  invite(callId: string, params: InviteParams, ctx?: GraphContext): Promise<InviteParticipantsOperation>;
  muteParticipant(
    callId: string,
    participantId: string,
    params?: ClientContextParams,
    ctx?: GraphContext,
  ): Promise<MuteParticipantOperation>;
  /** Removes a participant (the tenant must allow the app: Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds). */
  deleteParticipant(callId: string, participantId: string, ctx?: GraphContext): Promise<void>;
  startHoldMusic(
    callId: string,
    participantId: string,
    params?: StartHoldMusicParams,
    ctx?: GraphContext,
  ): Promise<StartHoldMusicOperation>;
  stopHoldMusic(
    callId: string,
    participantId: string,
    params?: ClientContextParams,
    ctx?: GraphContext,
  ): Promise<StopHoldMusicOperation>;
}

/** The participants API over `graph`. */
export function createParticipantsApi(graph: GraphClient): ParticipantsApi {
  const base = (callId: string) => `/communications/calls/${seg(callId)}/participants`;
  const one = (callId: string, pid: string, action?: string) =>
    `${base(callId)}/${seg(pid)}${action ? `/${action}` : ''}`;
  const withCall = (callId: string, ctx?: GraphContext, clientContext?: string): GraphContext => ({
    ...ctx,
    callId: ctx?.callId ?? callId,
    clientContext: ctx?.clientContext ?? clientContext,
  });

  async function operation<T extends CommsOperation>(
    callId: string,
    path: string,
    params: ClientContextParams | undefined,
    ctx?: GraphContext,
  ): Promise<T> {
    const res = await graph.request<T>({
      method: 'POST',
      path,
      body: params ?? {},
      context: withCall(callId, ctx, params?.clientContext),
    });
    return operationFrom(res, `${path.split('/').pop() ?? 'action'} on call ${callId}`);
  }

  return {
    listParticipants: (callId, ctx) =>
      graph.getAll<Participant>({ path: base(callId), context: withCall(callId, ctx) }),
    async getParticipant(callId, pid, ctx) {
      const res = await graph.request<Participant>({
        method: 'GET',
        path: one(callId, pid),
        context: withCall(callId, ctx),
      });
      if (!res.body)
        throw new CallingError(
          'graph_error',
          `Graph returned no body for participant ${pid} of call ${callId}.`,
        );
      return res.body;
    },
    invite: (callId, params, ctx) => operation(callId, `${base(callId)}/invite`, params, ctx),
    muteParticipant: (callId, pid, params, ctx) => operation(callId, one(callId, pid, 'mute'), params, ctx),
    async deleteParticipant(callId, pid, ctx) {
      await graph.request({ method: 'DELETE', path: one(callId, pid), context: withCall(callId, ctx) });
    },
    startHoldMusic: (callId, pid, params, ctx) =>
      operation(callId, one(callId, pid, 'startHoldMusic'), params, ctx),
    stopHoldMusic: (callId, pid, params, ctx) =>
      operation(callId, one(callId, pid, 'stopHoldMusic'), params, ctx),
  };
}

// The CallGraph port over the calling module's typed Graph APIs.
import type { CallsApi } from '../graph/calls-api';
import { createGraphServices, type GraphServicesOptions } from '../graph/graph-services';
import type { ParticipantsApi } from '../graph/participants-api';
import type { AnswerParams, PlayPromptParams, RecordResponseParams, RejectParams } from '../graph/types';
import type { CallGraph } from './ports';

/** Adapts the typed calls and participants APIs to what the call model needs. */
export function callGraphFrom(apis: { calls: CallsApi; participants: ParticipantsApi }): CallGraph {
  const { calls, participants } = apis;
  return {
    createCall: (body, ctx) => calls.createCall(body, ctx),
    getCall: (id, ctx) => calls.getCall(id, ctx),
    answer: (id, body, ctx) => calls.answer(id, body as unknown as AnswerParams, ctx),
    reject: (id, body, ctx) => calls.reject(id, body as RejectParams, ctx),
    redirect: (id, body, ctx) => calls.redirect(id, body, ctx),
    transfer: (id, body, ctx) => calls.transfer(id, body, ctx),
    deleteCall: (id, ctx) => calls.deleteCall(id, ctx),
    keepAlive: (id, ctx) => calls.keepAlive(id, ctx),
    playPrompt: async (id, body, ctx) => ({
      operation: await calls.playPrompt(id, body as PlayPromptParams, ctx),
    }),
    recordResponse: async (id, body, ctx) => ({
      operation: await calls.recordResponse(id, body as unknown as RecordResponseParams, ctx),
    }),
    subscribeToTone: async (id, body, ctx) => ({ operation: await calls.subscribeToTone(id, body, ctx) }),
    sendDtmfTones: async (id, body, ctx) => ({ operation: await calls.sendDtmfTones(id, body, ctx) }),
    cancelMediaProcessing: async (id, body, ctx) => ({
      operation: await calls.cancelMediaProcessing(id, body, ctx),
    }),
    mute: async (id, body, ctx) => ({ operation: await calls.mute(id, body, ctx) }),
    unmute: async (id, body, ctx) => ({ operation: await calls.unmute(id, body, ctx) }),
    listParticipants: (id, ctx) => participants.listParticipants(id, ctx),
    inviteParticipants: async (id, body, ctx) => ({ operation: await participants.invite(id, body, ctx) }),
    muteParticipant: async (id, pid, body, ctx) => ({
      operation: await participants.muteParticipant(id, pid, body, ctx),
    }),
    deleteParticipant: (id, pid, ctx) => participants.deleteParticipant(id, pid, ctx),
  };
}

/** Builds Graph access (tokens, client, typed APIs) from configuration and returns the call model's port. */
export function createCallGraph(opts: GraphServicesOptions): CallGraph {
  return callGraphFrom(createGraphServices(opts));
}

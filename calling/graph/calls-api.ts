// Typed calls to /communications/calls (SPEC §3): create, get, hang up, answer/reject/redirect/transfer,
// keepAlive, and the media and self-mute actions that return an operation.
import type {
  Call,
  CancelMediaProcessingOperation,
  CommsOperation,
  MuteParticipantOperation,
  PlayPromptOperation,
  RecordOperation,
  SendDtmfTonesOperation,
  SubscribeToToneOperation,
  UnmuteParticipantOperation,
  UpdateRecordingStatusOperation,
} from '@microsoft/microsoft-graph-types';
import { CallingError } from '../errors';
import { operationFrom, seg } from './operation-result';
import type {
  AnswerParams,
  ClientContextParams,
  GraphClient,
  GraphContext,
  PlayPromptParams,
  RecordResponseParams,
  RedirectParams,
  RejectParams,
  SendDtmfTonesParams,
  TransferParams,
  UpdateRecordingStatusParams,
} from './types';

/** The /communications/calls API. Every method throws CallingError on failure. */
export interface CallsApi {
  /** Places a call (P2P, group, or meeting join); resolves with the new call (state `establishing`). */
  createCall(call: Call, ctx?: GraphContext): Promise<Call>;
  getCall(callId: string, ctx?: GraphContext): Promise<Call>;
  /** An operation's current state (to reconcile when its completion notification never came). */
  getOperation(callId: string, operationId: string, ctx?: GraphContext): Promise<CommsOperation>;
  /** Hangs up (in a group call: leaves). */
  deleteCall(callId: string, ctx?: GraphContext): Promise<void>;
  answer(callId: string, params: AnswerParams, ctx?: GraphContext): Promise<void>;
  reject(callId: string, params?: RejectParams, ctx?: GraphContext): Promise<void>;
  redirect(callId: string, params: RedirectParams, ctx?: GraphContext): Promise<void>;
  transfer(callId: string, params: TransferParams, ctx?: GraphContext): Promise<void>;
  /** Keeps an established call alive (at least every 45 min); throws graph_call_gone when it has ended. */
  keepAlive(callId: string, ctx?: GraphContext): Promise<void>;
  playPrompt(callId: string, params: PlayPromptParams, ctx?: GraphContext): Promise<PlayPromptOperation>;
  recordResponse(callId: string, params: RecordResponseParams, ctx?: GraphContext): Promise<RecordOperation>;
  subscribeToTone(
    callId: string,
    params?: ClientContextParams,
    ctx?: GraphContext,
  ): Promise<SubscribeToToneOperation>;
  sendDtmfTones(
    callId: string,
    params: SendDtmfTonesParams,
    ctx?: GraphContext,
  ): Promise<SendDtmfTonesOperation>;
  cancelMediaProcessing(
    callId: string,
    params?: ClientContextParams,
    ctx?: GraphContext,
  ): Promise<CancelMediaProcessingOperation>;
  /** Mutes the app itself in a group call. */
  mute(callId: string, params?: ClientContextParams, ctx?: GraphContext): Promise<MuteParticipantOperation>;
  unmute(
    callId: string,
    params?: ClientContextParams,
    ctx?: GraphContext,
  ): Promise<UnmuteParticipantOperation>;
  updateRecordingStatus(
    callId: string,
    params: UpdateRecordingStatusParams,
    ctx?: GraphContext,
  ): Promise<UpdateRecordingStatusOperation>;
}

/** The calls API over `graph`. */
export function createCallsApi(graph: GraphClient): CallsApi {
  const callPath = (callId: string, action?: string) =>
    `/communications/calls/${seg(callId)}${action ? `/${action}` : ''}`;
  const withCall = (callId: string, ctx?: GraphContext, clientContext?: string): GraphContext => ({
    ...ctx,
    callId: ctx?.callId ?? callId,
    clientContext: ctx?.clientContext ?? clientContext,
  });

  async function action(callId: string, name: string, body: unknown, ctx?: GraphContext): Promise<void> {
    await graph.request({
      method: 'POST',
      path: callPath(callId, name),
      body,
      context: withCall(callId, ctx),
    });
  }

  async function operation<T extends CommsOperation>(
    callId: string,
    name: string,
    params: ClientContextParams | undefined,
    ctx?: GraphContext,
  ): Promise<T> {
    const res = await graph.request<T>({
      method: 'POST',
      path: callPath(callId, name),
      body: params ?? {},
      context: withCall(callId, ctx, params?.clientContext),
    });
    return operationFrom(res, `${name} on call ${callId}`);
  }

  return {
    async createCall(call, ctx) {
      const res = await graph.request<Call>({
        method: 'POST',
        path: '/communications/calls',
        body: call,
        context: ctx,
      });
      if (!res.body?.id) {
        throw new CallingError(
          'graph_error',
          `Graph answered ${res.status} to create call but returned no call id.`,
          {
            status: res.status,
            requestId: res.requestId,
            clientRequestId: res.clientRequestId,
          },
        );
      }
      return res.body;
    },
    async getCall(callId, ctx) {
      const res = await graph.request<Call>({
        method: 'GET',
        path: callPath(callId),
        context: withCall(callId, ctx),
      });
      if (!res.body)
        throw new CallingError('graph_error', `Graph returned no body for call ${callId}.`, {
          status: res.status,
        });
      return res.body;
    },
    async getOperation(callId, operationId, ctx) {
      const res = await graph.request<CommsOperation>({
        method: 'GET',
        path: callPath(callId, `operations/${seg(operationId)}`),
        context: withCall(callId, ctx),
      });
      return operationFrom(res, `operation ${operationId} of call ${callId}`);
    },
    async deleteCall(callId, ctx) {
      await graph.request({ method: 'DELETE', path: callPath(callId), context: withCall(callId, ctx) });
    },
    answer: (callId, params, ctx) => action(callId, 'answer', params, ctx),
    reject: (callId, params, ctx) => action(callId, 'reject', params ?? {}, ctx),
    redirect: (callId, params, ctx) => action(callId, 'redirect', params, ctx),
    transfer: (callId, params, ctx) =>
      action(callId, 'transfer', params, withCall(callId, ctx, params.clientContext)),
    keepAlive: (callId, ctx) => action(callId, 'keepAlive', undefined, ctx),
    playPrompt: (callId, params, ctx) => operation(callId, 'playPrompt', params, ctx),
    recordResponse: (callId, params, ctx) => operation(callId, 'recordResponse', params, ctx),
    subscribeToTone: (callId, params, ctx) => operation(callId, 'subscribeToTone', params, ctx),
    sendDtmfTones: (callId, params, ctx) => operation(callId, 'sendDtmfTones', params, ctx),
    cancelMediaProcessing: (callId, params, ctx) => operation(callId, 'cancelMediaProcessing', params, ctx),
    mute: (callId, params, ctx) => operation(callId, 'mute', params, ctx),
    unmute: (callId, params, ctx) => operation(callId, 'unmute', params, ctx),
    updateRecordingStatus: (callId, params, ctx) => operation(callId, 'updateRecordingStatus', params, ctx),
  };
}

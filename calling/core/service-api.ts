// The action and query methods of the calling service, bound to its context.
import type { TimelineEntry } from '../storage';
import { idKey } from '../ids';
import * as control from './call-control';
import * as participants from './participant-actions';
import * as calls from './place-call';
import { isCallState, type CallState } from './call-machine';
import { requireCall, type CoreContext } from './context';
import { CallOperationError } from './errors';
import { createFlowEvents, type FlowEventsApi } from './flow-outbox';
import type { CallingEventName, Handler } from './events';
import * as media from './media-actions';
import { annotate as annotateCall, isConsultationLeg, modelOf } from './model/annotate';
import { withAnnotations, type CallAnnotations } from './model/annotations';
import type { Call } from './model/call';
import { operationError } from './operation-tracker';
import type { Party } from './requests';
import { callView, operationView, type CallView, type OperationView, type ParticipantView } from './views';

export interface CallingApi {
  placeCall(req: calls.PlaceCallRequest): Promise<CallView>;
  joinMeeting(joinUrl: string, opts?: calls.JoinMeetingOptions): Promise<CallView>;
  answer(callId: string, opts?: { timeoutMs?: number }): Promise<OperationView>;
  reject(callId: string, reason?: 'none' | 'busy' | 'forbidden'): Promise<void>;
  redirect(callId: string, targets: readonly Party[], opts?: { timeoutSeconds?: number }): Promise<void>;
  transfer(callId: string, target: Party, opts?: control.TransferOptions): Promise<OperationView>;
  /** `by`: the person who asked (a name), so the end reads "hung up by …". */
  hangUp(callId: string, opts?: { by?: string }): Promise<void>;
  playPrompt(
    callId: string,
    prompts: string | readonly string[],
    opts?: media.OpOptions,
  ): Promise<OperationView>;
  record(callId: string, opts?: media.RecordOptions): Promise<media.RecordingResult>;
  subscribeToTone(callId: string, opts?: media.OpOptions): Promise<OperationView>;
  sendTones(
    callId: string,
    keys: string,
    opts?: media.OpOptions & { delayBetweenTonesMs?: number },
  ): Promise<OperationView>;
  cancelMedia(callId: string, opts?: media.OpOptions): Promise<OperationView>;
  mute(callId: string, opts?: media.OpOptions): Promise<OperationView>;
  unmute(callId: string, opts?: media.OpOptions): Promise<OperationView>;
  keepAlive(callId: string): Promise<boolean>;
  /**
   * Reads the call from Graph and processes it like a notification, for when one may have been lost;
   * resolves with the state Graph reported.
   */
  refresh(callId: string): Promise<CallState | undefined>;
  readonly participants: {
    list(callId: string): Promise<ParticipantView[]>;
    invite(
      callId: string,
      parties: readonly Party[],
      opts?: media.OpOptions & { replacesCallId?: string },
    ): Promise<OperationView>;
    mute(callId: string, participantId: string, opts?: media.OpOptions): Promise<OperationView>;
    remove(callId: string, participantId: string): Promise<void>;
  };
  getCall(callId: string): Promise<CallView | undefined>;
  /**
   * Says what a call is for and who asked, when the one who placed it could not (a flow placed it):
   * merged into the call's annotations, announced as `callChanged`.
   */
  annotate(callId: string, annotations: CallAnnotations): Promise<Call | undefined>;
  /** The call as every surface renders it (the one call model). */
  callModel(callId: string): Promise<Call | undefined>;
  /** Calls as the model shows them, newest first. */
  listCallModels(opts?: { active?: boolean; limit?: number }): Promise<Call[]>;
  listCalls(opts?: { active?: boolean; limit?: number }): Promise<CallView[]>;
  /** How many calls of this direction are answered or being answered and not ended, except one. */
  countCallsInProgress(direction: 'incoming' | 'outgoing', except?: string): Promise<number>;
  timeline(callId: string): Promise<Array<TimelineEntry & { id: number }>>;
  operations(callId: string): Promise<OperationView[]>;
  /** Stores a flow's position in the call (and notes it in the timeline). */
  saveFlow(callId: string, flow: unknown, note?: string): Promise<void>;
  /** The flow events written with the notifications that cause them, for the flow runtime. */
  readonly flowEvents: FlowEventsApi;
  /** Adds a line to the call's timeline (a decision that moves no flow, such as a rescue). */
  note(callId: string, summary: string): Promise<void>;
  /** Waits for an operation started by any instance; resolves when completed, rejects when failed. */
  waitForOperation(operationId: string, timeoutMs?: number): Promise<OperationView>;
  /** Waits until the call is in one of the states. */
  waitForState(
    callId: string,
    states: CallState | readonly CallState[],
    timeoutMs?: number,
  ): Promise<CallView>;
  on<K extends CallingEventName>(name: K, handler: Handler<K>): () => void;
}

/** Binds every action and query to the context. */
export function buildApi(ctx: CoreContext): CallingApi {
  // Every call id the API is given, however spelled, is looked up by its key.
  const id = (callId: string) => idKey(callId.trim());
  const wireIdOfKey = async (key: string) => (await ctx.data.calls.get(key))?.wireId ?? key;
  return {
    placeCall: (req) => calls.placeCall(ctx, req),
    joinMeeting: (url, opts) => calls.joinMeeting(ctx, url, opts),
    answer: (c, opts) => control.answer(ctx, id(c), opts),
    reject: (c, reason) => control.reject(ctx, id(c), reason),
    redirect: (c, targets, opts) => control.redirect(ctx, id(c), targets, opts),
    transfer: (c, target, opts) => control.transfer(ctx, id(c), target, opts),
    hangUp: (c, opts) => control.hangUp(ctx, id(c), opts),
    keepAlive: (c) => control.keepAlive(ctx, id(c)),
    refresh: (c) => control.refresh(ctx, id(c)),
    playPrompt: (c, prompts, opts) => media.playPrompt(ctx, id(c), prompts, opts),
    record: (c, opts) => media.record(ctx, id(c), opts),
    subscribeToTone: (c, opts) => media.subscribeToTone(ctx, id(c), opts),
    sendTones: (c, keys, opts) => media.sendTones(ctx, id(c), keys, opts),
    cancelMedia: (c, opts) => media.cancelMedia(ctx, id(c), opts),
    mute: (c, opts) => media.setSelfMuted(ctx, id(c), true, opts),
    unmute: (c, opts) => media.setSelfMuted(ctx, id(c), false, opts),
    participants: {
      list: (c) => participants.listParticipants(ctx, id(c)),
      invite: (c, parties, opts) => participants.inviteParticipants(ctx, id(c), parties, opts),
      mute: (c, p, opts) => participants.muteParticipant(ctx, id(c), p, opts),
      remove: (c, p) => participants.removeParticipant(ctx, id(c), p),
    },
    async getCall(c) {
      const call = await ctx.data.calls.get(id(c));
      return call && callView(call);
    },
    async annotate(c, a) {
      const saved = await annotateCall(ctx, id(c), (m) => withAnnotations(m, a));
      return saved && modelOf(ctx, saved);
    },
    async callModel(c) {
      const call = await ctx.data.calls.get(id(c));
      return call && modelOf(ctx, call);
    },
    async listCallModels(opts) {
      // A consultation leg is shown within the call it serves, never as a call of its own.
      const calls = (await ctx.data.calls.list(opts)).filter((c) => !isConsultationLeg(c));
      return Promise.all(calls.map((c) => modelOf(ctx, c)));
    },
    async listCalls(opts) {
      return (await ctx.data.calls.list(opts)).map(callView);
    },
    countCallsInProgress: (direction, except) =>
      ctx.data.calls.countInProgress({ direction, ...(except === undefined ? {} : { except: id(except) }) }),
    timeline: (c) => ctx.data.timeline.list(id(c)),
    async operations(c) {
      const callWireId = await wireIdOfKey(id(c));
      return (await ctx.data.operations.listForCall(id(c))).map((o) => operationView(o, callWireId));
    },
    async saveFlow(c, flow, note) {
      const call = await requireCall(ctx, id(c), undefined, 'saveFlow');
      await ctx.data.calls.update(call.id, { flow });
      await ctx.data.timeline.add([
        {
          callId: call.id,
          at: ctx.clock.now(),
          kind: 'flow',
          summary: note ?? 'flow position saved',
          data: flow,
        },
      ]);
    },
    flowEvents: createFlowEvents(ctx.data, ctx.clock),
    async note(c, summary) {
      await ctx.data.timeline.add([{ callId: id(c), at: ctx.clock.now(), kind: 'decision', summary }]);
    },
    async waitForOperation(operationId, timeoutMs = ctx.timing.operationTimeoutMs) {
      const op = await ctx.data.operations.get(operationId);
      if (!op)
        throw new CallOperationError('invalid_request', `No operation ${operationId} is known to this app.`);
      const callWireId = await wireIdOfKey(op.callId);
      if (op.status === 'completed') return operationView(op, callWireId);
      if (op.status === 'failed') throw operationError(op, callWireId);
      return ctx.tracker.wait(op.id, callWireId, timeoutMs);
    },
    waitForState(c, states, timeoutMs = 30_000) {
      const wanted = new Set<string>(typeof states === 'string' ? [states] : states);
      for (const s of wanted)
        if (!isCallState(s)) throw new CallOperationError('invalid_request', `"${s}" is not a call state.`);
      const callId = id(c);
      return new Promise<CallView>((resolve, reject) => {
        let done = false;
        const finish = (err: Error | undefined, view?: CallView) => {
          if (done) return;
          done = true;
          clearInterval(poll);
          clearTimeout(timer);
          off();
          if (err) reject(err);
          else resolve(view!);
        };
        const check = async () => {
          const call = await ctx.data.calls.get(callId);
          if (call && wanted.has(call.state)) finish(undefined, callView(call));
        };
        const off = ctx.emitter.on('stateChanged', (e) => {
          if (idKey(e.call.id) === callId && wanted.has(e.to)) finish(undefined, e.call);
        });
        // The poll sees changes made by other instances; the event serves this one at once.
        const poll = setInterval(() => {
          check().catch((err: Error) => finish(err));
        }, 250);
        const timer = setTimeout(
          () =>
            finish(
              new CallOperationError(
                'operation_timeout',
                `Call ${callId} did not reach ${[...wanted].join('/')} within ${timeoutMs} ms.`,
                { callId },
              ),
            ),
          timeoutMs,
        );
        check().catch((err: Error) => finish(err));
      });
    },
    on: (name, handler) => ctx.emitter.on(name, handler),
  };
}

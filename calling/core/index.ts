// The call model: inbox, per-call queue, state machine, awaitable operations, events, jobs.
export { createCallingService } from './service';
export type { CallingService, CallingServiceOptions } from './service';
export type { CallingApi } from './service-api';
export { callGraphFrom, createCallGraph } from './graph-port';
export type { CallGraph, OperationAccepted, CoreLogger, Clock } from './ports';
export type { CallingTiming, PromptResourceId } from './context';
export type { CallingEvents, CallingEventName } from './events';
export type { CallView, OperationView, ParticipantView } from './views';
export type { FlowEventRow, FlowEventsApi, FlowNotice, FlowStepCommit } from './flow-outbox';
export type { PartyIdentity, IdentityKind } from './identity';
export type { Party } from './requests';
export type { PlaceCallRequest, JoinMeetingOptions, CallSource } from './place-call';
export type { TransferOptions } from './call-control';
export type { RecordOptions, RecordingResult, OpOptions } from './media-actions';
export { CALL_STATES, CALL_MACHINE, decide } from './call-machine';
export type { CallState, CallEvent, Outcome } from './call-machine';
export { CallOperationError } from './errors';
export type { CallOperationErrorCode } from './errors';
export { describeEnd, readResultInfo } from './result-info';
export { endWords, outcomeOf, ringOutcome, wordsFor } from './outcomes';
export type { CallOutcome } from './outcomes';
export { callModel } from './model/call-model';
export type { CallModelOptions } from './model/call-model';
export type {
  Call,
  CallEnd,
  CallMeeting,
  CallOrigin,
  CallPerson,
  CallPhase,
  CallPurpose,
  CallSurface,
  PersonStatus,
} from './model/call';
export type { CallAnnotations } from './model/annotations';

// What the call model needs from the outside: Graph's call endpoints, a logger, a clock.
// Bodies and answers use @microsoft/microsoft-graph-types.
import type {
  Call,
  CommsOperation,
  InvitationParticipantInfo,
  MediaPrompt,
  Participant,
  ParticipantInfo,
  Tone,
} from '@microsoft/microsoft-graph-types';
import type { GraphContext } from '../graph/types';

/** An action's answer: the operation object Graph returned (maybe already finished) and/or its Location. */
export interface OperationAccepted {
  readonly operation?: CommsOperation | null;
  /** The `Location` header, `.../calls/{callId}/operations/{opId}`. */
  readonly location?: string;
}

/** Graph's call endpoints (SPEC §3, §4). Each throws CallingError on failure (404 → graph_call_gone). */
export interface CallGraph {
  createCall(body: Call, ctx: GraphContext): Promise<Call>;
  getCall(callId: string, ctx: GraphContext): Promise<Call>;
  answer(callId: string, body: Record<string, unknown>, ctx: GraphContext): Promise<void>;
  reject(callId: string, body: { reason?: string; callbackUri?: string }, ctx: GraphContext): Promise<void>;
  redirect(
    callId: string,
    body: { targets: InvitationParticipantInfo[]; timeout?: number; callbackUri?: string },
    ctx: GraphContext,
  ): Promise<void>;
  transfer(
    callId: string,
    body: { transferTarget: InvitationParticipantInfo; transferee?: ParticipantInfo; clientContext?: string },
    ctx: GraphContext,
  ): Promise<void>;
  deleteCall(callId: string, ctx: GraphContext): Promise<void>;
  keepAlive(callId: string, ctx: GraphContext): Promise<void>;
  playPrompt(
    callId: string,
    body: { prompts: MediaPrompt[]; clientContext: string },
    ctx: GraphContext,
  ): Promise<OperationAccepted>;
  recordResponse(
    callId: string,
    body: Record<string, unknown>,
    ctx: GraphContext,
  ): Promise<OperationAccepted>;
  subscribeToTone(
    callId: string,
    body: { clientContext: string },
    ctx: GraphContext,
  ): Promise<OperationAccepted>;
  sendDtmfTones(
    callId: string,
    body: { tones: Tone[]; delayBetweenTonesMs?: number; clientContext: string },
    ctx: GraphContext,
  ): Promise<OperationAccepted>;
  cancelMediaProcessing(
    callId: string,
    body: { clientContext: string },
    ctx: GraphContext,
  ): Promise<OperationAccepted>;
  mute(callId: string, body: { clientContext: string }, ctx: GraphContext): Promise<OperationAccepted>;
  unmute(callId: string, body: { clientContext: string }, ctx: GraphContext): Promise<OperationAccepted>;
  listParticipants(callId: string, ctx: GraphContext): Promise<Participant[]>;
  inviteParticipants(
    callId: string,
    body: { participants: InvitationParticipantInfo[]; clientContext: string },
    ctx: GraphContext,
  ): Promise<OperationAccepted>;
  muteParticipant(
    callId: string,
    participantId: string,
    body: { clientContext: string },
    ctx: GraphContext,
  ): Promise<OperationAccepted>;
  deleteParticipant(callId: string, participantId: string, ctx: GraphContext): Promise<void>;
}

/** The subset of a pino logger the call model uses. */
export interface CoreLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): CoreLogger;
}

export interface Clock {
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

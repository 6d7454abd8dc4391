// The call engine's records: calls, their participants and operations, as the emulator keeps them.
import type { ClockTimer } from '../clock';

export type Json = Record<string, unknown>;

/** Graph's callState values the engine uses. */
export type CallState =
  | 'incoming'
  | 'establishing'
  | 'established'
  | 'hold'
  | 'transferring'
  | 'transferAccepted'
  | 'redirecting'
  | 'terminating'
  | 'terminated';

export interface ResultInfo {
  code: number;
  subcode: number;
  message: string;
}

export type OperationStatus = 'notStarted' | 'running' | 'completed' | 'failed';

/** A commsOperation: `type` is the subtype name without namespace, e.g. playPromptOperation. */
export interface OperationRec {
  id: string;
  type: string;
  status: OperationStatus;
  clientContext: string | null;
  resultInfo: ResultInfo | null;
  /** Subtype fields: completionReason, recordingLocation, participants, ... */
  extra: Json;
  createdAt: number;
}

/** One roster entry. */
export interface ParticipantRec {
  id: string;
  /** participantInfo JSON (identity, endpointType, region, languageId). */
  info: Json;
  isBot: boolean;
  personId?: string;
  isMuted: boolean;
  isInLobby: boolean;
  onHold: boolean;
  recordingStatus?: string;
  sequence: number;
}

export type CallKind = 'p2p' | 'group' | 'meeting';

/** What happened on a call, for GET /emulator/calls/{id}/timeline. */
export interface TimelineEntry {
  at: string;
  t: number;
  kind: 'request' | 'state' | 'notification' | 'delivery' | 'person' | 'media' | 'operation' | 'note';
  [detail: string]: unknown;
}

/** One call leg of an app, live or recently ended. */
export interface CallRec {
  id: string;
  appId: string;
  tenantId: string;
  direction: 'incoming' | 'outgoing';
  state: CallState;
  kind: CallKind;
  callbackUri: string;
  source: Json;
  targets: Json[];
  requestedModalities: string[];
  mediaConfig: Json | null;
  chatInfo: Json | null;
  meetingInfo: Json | null;
  subject: string | null;
  callOptions: Json | null;
  myParticipantId: string;
  callChainId: string;
  resultInfo: ResultInfo | null;
  answeredBy: Json | null;
  terminationReason: string | null;
  toneInfo: Json | null;
  incomingContext: Json | null;
  /** The person at the other end of a P2P call (or the caller of an incoming one). */
  remotePersonId?: string;
  /** The remote side is reached by phone (PSTN). */
  pstn: boolean;
  /** Resource account the call belongs to (PSTN source or incoming target). */
  applicationInstanceId?: string;
  meetingId?: string;
  participants: Map<string, ParticipantRec>;
  operations: Map<string, OperationRec>;
  toneSubscribed: boolean;
  toneSequence: number;
  rosterSequence: number;
  etag: number;
  createdAt: number;
  endedAt?: number;
  lastKeepAliveAt: number;
  keepAliveTimer?: ClockTimer;
  timers: Set<ClockTimer>;
  /** Cancels pending rings, media and person activity when the call ends. */
  cleanups: Set<() => void>;
  /** People whose phone rings for this call right now (targets, invitees, redirect/transfer targets). */
  ringing: Set<string>;
  /** The app answered, rejected or redirected this incoming call (a second decision is refused). */
  decided: boolean;
  /** The app hung up (DELETE); terminating and terminated follow. */
  hangingUp: boolean;
  /** Someone other than the app has been in the roster at some point (group calls). */
  everJoined: boolean;
  timeline: TimelineEntry[];
}

/** True when media is hosted by the service (needed for playPrompt, recordResponse, subscribeToTone). */
export function isServiceHosted(call: CallRec): boolean {
  return (
    typeof call.mediaConfig?.['@odata.type'] === 'string' &&
    /serviceHostedMediaConfig$/i.test(call.mediaConfig['@odata.type'] as string)
  );
}

/** A call counts as gone once terminated. */
export const isLive = (call: CallRec): boolean => call.state !== 'terminated';

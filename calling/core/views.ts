// What the public API hands out: read-only views of a call, its participants and its operations.
import type { StoredCall, StoredOperation } from '../storage';
import { sameId } from '../ids';
import type { ResultInfo } from '../types';
import { isCallState, type CallState } from './call-machine';
import { identityOfInfo, type PartyIdentity } from './identity';
import { readResultInfo } from './result-info';
import { readRoster, type RosterEntry } from './roster';

export interface ParticipantView {
  readonly id: string;
  readonly identity: PartyIdentity;
  readonly isMuted: boolean;
  readonly isInLobby: boolean;
  /** This app's own leg in the call. */
  readonly isSelf: boolean;
}

export interface CallView {
  /** The call id exactly as Graph spelled it; every action and query also takes any other spelling. */
  readonly id: string;
  readonly tenantId: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly state: CallState;
  readonly myParticipantId?: string;
  readonly scenarioId?: string;
  /** Who placed the call (the `source` of an incoming call; this app for outgoing ones). */
  readonly source: PartyIdentity;
  readonly participants: readonly ParticipantView[];
  /** Whatever flow drives the call keeps its position here. */
  readonly flow: unknown;
  /** The flow that receives the call's events as rows of its inbox (the flow outbox), if any. */
  readonly flowKey?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly endedAt?: number;
  readonly end?: { readonly resultInfo?: ResultInfo; readonly reason: string };
  /** The latest Graph call resource seen. */
  readonly resource: Readonly<Record<string, unknown>>;
}

export type OperationStatus = StoredOperation['status'];

export interface OperationView {
  /** This app's id for the operation (the clientContext it sent). */
  readonly id: string;
  /** Graph's id for it, as Graph spelled it. */
  readonly graphId?: string;
  /** The call's id, as its CallView names it. */
  readonly callId: string;
  readonly kind: string;
  readonly status: OperationStatus;
  readonly resultInfo?: ResultInfo;
  /** The final operation resource (recordingLocation, completionReason...). */
  readonly resource?: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
  readonly settledAt?: number;
}

/** A participant view from a roster entry. */
export function participantView(e: RosterEntry, myParticipantId: string | null): ParticipantView {
  const r = e.resource;
  return {
    id: e.id,
    identity: identityOfInfo(r['info']),
    isMuted: r['isMuted'] === true,
    isInLobby: r['isInLobby'] === true,
    isSelf: myParticipantId !== null && sameId(e.id, myParticipantId),
  };
}

/** The view of a stored call. */
export function callView(c: StoredCall): CallView {
  const roster = readRoster(c.participants);
  const end =
    c.state === 'terminated'
      ? {
          reason: c.endReason ?? 'the call ended',
          ...(c.endCode === null ? {} : { resultInfo: { code: c.endCode, subcode: c.endSubcode ?? 0 } }),
        }
      : undefined;
  const source = c.resource['source'];
  return {
    id: c.wireId,
    tenantId: c.tenantId,
    direction: c.direction === 'incoming' ? 'incoming' : 'outgoing',
    state: isCallState(c.state) ? c.state : 'establishing',
    ...(c.myParticipantId ? { myParticipantId: c.myParticipantId } : {}),
    ...(c.scenarioId ? { scenarioId: c.scenarioId } : {}),
    source: identityOfInfo(source),
    participants: Object.values(roster.present).map((e) => participantView(e, c.myParticipantId)),
    flow: c.flow,
    ...(c.flowKey ? { flowKey: c.flowKey } : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(c.endedAt === null ? {} : { endedAt: c.endedAt }),
    ...(end ? { end } : {}),
    resource: c.resource,
  };
}

/** The view of a stored operation of the call whose id Graph spells `callWireId`. */
export function operationView(o: StoredOperation, callWireId: string): OperationView {
  const resultInfo = readResultInfo(o.resultInfo);
  const resource =
    typeof o.resource === 'object' && o.resource !== null
      ? (o.resource as Record<string, unknown>)
      : undefined;
  return {
    id: o.id,
    ...(o.wireId ? { graphId: o.wireId } : {}),
    callId: callWireId,
    kind: o.kind,
    status: o.status,
    ...(resultInfo ? { resultInfo } : {}),
    ...(resource ? { resource } : {}),
    createdAt: o.createdAt,
    ...(o.settledAt === null ? {} : { settledAt: o.settledAt }),
  };
}

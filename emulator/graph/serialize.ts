// Graph JSON for the engine's records: calls, participants, operations and identities, in the shapes of
// the documented responses and notifications (test/fixtures/graph/notifications/ holds the project's fixtures of them).
import type { CallRec, Json, OperationRec, ParticipantRec, ResultInfo } from './model';

const NS = '#microsoft.graph.';

/** An identity object: `{ "@odata.type": "#microsoft.graph.identity", id, displayName?, ... }`. */
export function identity(fields: {
  id: string;
  displayName?: string;
  tenantId?: string;
  identityProvider?: string;
}): Json {
  const out: Json = { '@odata.type': `${NS}identity`, id: fields.id };
  if (fields.displayName !== undefined) out.displayName = fields.displayName;
  if (fields.tenantId !== undefined) out.tenantId = fields.tenantId;
  if (fields.identityProvider !== undefined) out.identityProvider = fields.identityProvider;
  return out;
}

/** An identitySet with one kind of identity (user, application, applicationInstance, phone, encrypted). */
export function identitySet(kind: string, id: Json): Json {
  return { '@odata.type': `${NS}identitySet`, [kind]: id };
}

/** A participantInfo around an identitySet. */
export function participantInfo(set: Json, extra: Json = {}): Json {
  return {
    '@odata.type': `${NS}participantInfo`,
    identity: set,
    endpointType: 'default',
    region: 'amer',
    languageId: 'en-US',
    ...extra,
  };
}

export function resultInfoJson(info: ResultInfo | null): Json | null {
  return info
    ? { '@odata.type': `${NS}resultInfo`, code: info.code, subcode: info.subcode, message: info.message }
    : null;
}

/** The resource path of a call, as notifications spell it. */
export const callPath = (callId: string): string => `/communications/calls/${callId}`;

/** The call resource as GET returns it (no @odata.context). */
export function callJson(call: CallRec): Json {
  const established =
    call.state === 'established' ||
    call.state === 'hold' ||
    call.state === 'transferring' ||
    call.state === 'transferAccepted';
  return {
    '@odata.type': `${NS}call`,
    id: call.id,
    state: call.state,
    direction: call.direction,
    callbackUri: call.callbackUri,
    callChainId: call.callChainId,
    myParticipantId: call.myParticipantId,
    source: call.source,
    targets: call.targets,
    requestedModalities: call.requestedModalities,
    activeModalities: established ? call.requestedModalities.filter((m) => m === 'audio') : [],
    mediaConfig: call.mediaConfig,
    routingPolicies: [],
    tenantId: call.tenantId,
    subject: call.subject,
    resultInfo: resultInfoJson(call.resultInfo),
    answeredBy: call.answeredBy,
    chatInfo: call.chatInfo,
    meetingInfo: call.meetingInfo,
    callOptions: call.callOptions,
    mediaState: established
      ? { '@odata.type': `${NS}callMediaState`, audio: 'active' }
      : call.state === 'terminated'
        ? { '@odata.type': `${NS}callMediaState`, audio: 'inactive' }
        : null,
    toneInfo: call.toneInfo,
    transcription: null,
    incomingContext: call.incomingContext,
    callRoutes: [],
    ringingTimeoutInSeconds: null,
    ...(call.terminationReason ? { terminationReason: call.terminationReason } : {}),
  };
}

/** The call as a notification's resourceData: the resource plus @odata.id and @odata.etag. */
export function callResourceData(call: CallRec): Json {
  const { '@odata.type': type, ...rest } = callJson(call);
  return { '@odata.type': type, '@odata.id': callPath(call.id), '@odata.etag': `W/"${call.etag}"`, ...rest };
}

/** A participant resource (in the shape of the documented roster: no label on the app's own stream). */
export function participantJson(p: ParticipantRec): Json {
  const stream: Json = {
    '@odata.type': `${NS}mediaStream`,
    mediaType: 'audio',
    ...(p.isBot ? {} : { label: 'main-audio' }),
    sourceId: String(1 + (parseInt(p.id.slice(0, 4), 16) % 1000)),
    direction: p.onHold ? 'receiveOnly' : 'sendReceive',
    serverMuted: p.isMuted,
  };
  return {
    '@odata.type': `${NS}participant`,
    id: p.id,
    info: p.info,
    mediaStreams: [stream],
    isMuted: p.isMuted,
    isInLobby: p.isInLobby,
    ...(p.recordingStatus
      ? { recordingInfo: { '@odata.type': `${NS}recordingInfo`, recordingStatus: p.recordingStatus } }
      : {}),
    rosterSequenceNumber: p.sequence,
  };
}

/** An operation resource: base fields, then the subtype's own fields. */
export function operationJson(op: OperationRec): Json {
  return {
    '@odata.type': `${NS}${op.type}`,
    id: op.id,
    clientContext: op.clientContext,
    status: op.status,
    resultInfo: resultInfoJson(op.resultInfo),
    ...op.extra,
  };
}

// A callRecord (SPEC.md §8) from an ended call's history: id = the call's callChainId; a P2P call is
// one caller→callee session, a group call or meeting one session per participant with the conference
// server; every session has one segment over the same time. A call that never connected carries
// failureInfo at the call-setup stage.
import { randomUUID } from 'node:crypto';
import { joinWebUrlOf } from '../meetings';
import type { Directory } from '../people';
import { conferenceEndpoint, participantEndpoint } from './endpoints';
import type { Attendance, EndedCall, Json } from './tracker';

const iso = (ms: number): string => new Date(ms).toISOString();
const MODALITIES = new Set(['audio', 'video', 'videoBasedScreenSharing', 'data', 'screenSharing']);

/** A session with its segments, kept apart so the GET can expand them or not. */
export interface RecordSession extends Json {
  id: string;
  segments: Json[];
}

/** A call record as the emulator keeps it. */
export interface CallRecordRec {
  record: Json;
  sessions: RecordSession[];
  /** participants_v2 (microsoft.graph.callRecords.participant), served only when expanded. */
  participantsV2: Json[];
}

function session(
  caller: Json,
  callee: Json,
  start: number,
  end: number,
  modalities: string[],
  failure: Json | null,
): RecordSession {
  const times = { startDateTime: iso(start), endDateTime: iso(Math.max(start, end)) };
  return {
    id: randomUUID(),
    modalities,
    ...times,
    isTest: false,
    caller,
    callee,
    failureInfo: failure,
    segments: [
      {
        id: randomUUID(),
        ...times,
        caller,
        callee,
        failureInfo: failure,
        media: [{ label: 'main-audio', streams: [] }],
      },
    ],
  };
}

function organizerOf(ended: EndedCall, directory: Directory, tenantId: string): Json {
  const { call } = ended;
  const meeting = call.meetingId
    ? directory.current().meetings.find((m) => m.id === call.meetingId)
    : undefined;
  const organizerId = meeting?.organizerId;
  if (organizerId) {
    const person = directory.person(organizerId);
    return { user: { id: organizerId, displayName: person?.displayName ?? null, tenantId } };
  }
  // An incoming call is organized by whoever called; everything else by the app.
  const caller = call.direction === 'incoming' ? ended.attendance.find((a) => !a.isBot) : undefined;
  if (caller) return (caller.info.identity ?? {}) as Json;
  return { application: { id: call.appId, displayName: directory.app(call.appId)?.displayName ?? null } };
}

/** The id an identity set names (user, application, phone...), as a participant entry's id. */
function identityId(identity: Json): string | undefined {
  for (const kind of [
    'user',
    'application',
    'applicationInstance',
    'phone',
    'guest',
    'acsUser',
    'spoolUser',
  ]) {
    const id = (identity[kind] as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** A participantBase entity (organizer or participant) for an identity, one per distinct identity. */
function participantEntity(identity: Json, odataType: string): Json {
  return {
    '@odata.type': `#microsoft.graph.callRecords.${odataType}`,
    id: identityId(identity) ?? randomUUID(),
    identity,
    administrativeUnitInfos: [],
  };
}

function distinctParticipants(identities: Json[]): Json[] {
  const seen = new Set<string>();
  const out: Json[] = [];
  for (const identity of identities) {
    const key = identityId(identity)?.toLowerCase();
    if (key !== undefined && seen.has(key)) continue;
    if (key !== undefined) seen.add(key);
    out.push(participantEntity(identity, 'participant'));
  }
  return out;
}

/** Builds the record of an ended call. */
export function buildRecord(ended: EndedCall, directory: Directory, now: number): CallRecordRec {
  const { call } = ended;
  const tenantId = directory.current().tenantId;
  const start = call.createdAt;
  const end = call.endedAt ?? now;
  const modalities = call.requestedModalities.filter((m) => MODALITIES.has(m));
  if (modalities.length === 0) modalities.push('audio');
  const connected = ended.establishedAt !== undefined;
  const failure = connected
    ? null
    : { stage: 'callSetup', reason: call.resultInfo?.message ?? 'The call was not connected.' };
  const bot = ended.attendance.find((a) => a.isBot);
  const people = ended.attendance.filter((a) => !a.isBot);
  let sessions: RecordSession[];
  if (call.kind === 'p2p') {
    const other: Attendance | undefined = people[0];
    const botEnd = bot ? participantEndpoint(bot) : conferenceEndpoint();
    const otherEnd = other
      ? participantEndpoint(other)
      : {
          '@odata.type': '#microsoft.graph.callRecords.participantEndpoint',
          identity: targetIdentity(call.targets),
        };
    const [caller, callee] = call.direction === 'incoming' ? [otherEnd, botEnd] : [botEnd, otherEnd];
    sessions = [session(caller, callee, start, end, modalities, failure)];
  } else {
    sessions = ended.attendance.map((a) =>
      session(participantEndpoint(a), conferenceEndpoint(), a.joinedAt, a.leftAt ?? end, modalities, null),
    );
  }
  const meeting = call.meetingId
    ? directory.current().meetings.find((m) => m.id === call.meetingId)
    : undefined;
  const organizer = organizerOf(ended, directory, tenantId);
  const identities = ended.attendance.map((a) => (a.info.identity ?? {}) as Json);
  const record: Json = {
    version: 1,
    type: call.kind === 'p2p' ? 'peerToPeer' : 'groupCall',
    modalities,
    lastModifiedDateTime: iso(now),
    startDateTime: iso(start),
    endDateTime: iso(end),
    id: call.callChainId,
    joinWebUrl: meeting ? joinWebUrlOf(meeting.threadId, tenantId, meeting.organizerId) : null,
    organizer,
    participants: identities,
    // organizer_v2 is auto-expanded (CSDL Core.AutoExpand); participants_v2 only on $expand.
    organizer_v2: participantEntity(organizer, 'organizer'),
  };
  return { record, sessions, participantsV2: distinctParticipants(identities) };
}

/** The identity a P2P call aimed at when nobody ever answered. */
function targetIdentity(targets: Json[]): Json {
  const first = targets[0] as { identity?: Json } | undefined;
  return first?.identity ?? {};
}

// Building call records and roster entries with the defaults every flow shares.
import { randomUUID } from 'node:crypto';
import type { Person } from '../people';
import type { CallEngine } from './engine';
import type { CallKind, CallRec, Json, ParticipantRec } from './model';
import { identity, identitySet, participantInfo } from './serialize';

/** The fields a flow decides; everything else starts empty. */
export interface NewCall {
  appId: string;
  tenantId: string;
  direction: 'incoming' | 'outgoing';
  state: 'incoming' | 'establishing';
  kind: CallKind;
  callbackUri: string;
  source: Json;
  targets: Json[];
  requestedModalities: string[];
  mediaConfig?: Json | null;
  chatInfo?: Json | null;
  meetingInfo?: Json | null;
  subject?: string | null;
  callOptions?: Json | null;
  remotePersonId?: string;
  pstn?: boolean;
  applicationInstanceId?: string;
  meetingId?: string;
  incomingContext?: Json | null;
}

/** Creates and registers a call record, with the app's own participant in the roster. */
export function createCallRecord(engine: CallEngine, init: NewCall, botInfo: Json): CallRec {
  const now = engine.clock.now();
  const myParticipantId = randomUUID();
  const call: CallRec = {
    id: engine.newId(),
    appId: init.appId,
    tenantId: init.tenantId,
    direction: init.direction,
    state: init.state,
    kind: init.kind,
    callbackUri: init.callbackUri,
    source: init.source,
    targets: init.targets,
    requestedModalities: init.requestedModalities,
    mediaConfig: init.mediaConfig ?? null,
    chatInfo: init.chatInfo ?? null,
    meetingInfo: init.meetingInfo ?? null,
    subject: init.subject ?? null,
    callOptions: init.callOptions ?? null,
    myParticipantId,
    callChainId: randomUUID(),
    resultInfo: null,
    answeredBy: null,
    terminationReason: null,
    toneInfo: null,
    incomingContext: init.incomingContext ?? null,
    remotePersonId: init.remotePersonId,
    pstn: init.pstn ?? false,
    applicationInstanceId: init.applicationInstanceId,
    meetingId: init.meetingId,
    participants: new Map(),
    operations: new Map(),
    toneSubscribed: false,
    toneSequence: 0,
    rosterSequence: 0,
    etag: 1,
    createdAt: now,
    lastKeepAliveAt: now,
    timers: new Set(),
    cleanups: new Set(),
    ringing: new Set(),
    everJoined: false,
    decided: false,
    hangingUp: false,
    timeline: [],
  };
  addParticipant(call, { id: myParticipantId, info: botInfo, isBot: true });
  return engine.add(call);
}

/** Adds a roster entry and bumps the roster sequence number. */
export function addParticipant(
  call: CallRec,
  p: { id?: string; info: Json; isBot?: boolean; personId?: string },
): ParticipantRec {
  call.rosterSequence += 1;
  const rec: ParticipantRec = {
    id: p.id ?? randomUUID(),
    info: p.info,
    isBot: p.isBot ?? false,
    personId: p.personId,
    isMuted: false,
    isInLobby: false,
    onHold: false,
    sequence: call.rosterSequence,
  };
  call.participants.set(rec.id, rec);
  if (!rec.isBot) call.everJoined = true;
  return rec;
}

/** Marks a roster change (mute, hold, ...) with a new sequence number. */
export function touchParticipant(call: CallRec, p: ParticipantRec): void {
  call.rosterSequence += 1;
  p.sequence = call.rosterSequence;
}

/** A person's identitySet: their user identity, or their phone number when reached over PSTN. */
export function personIdentity(
  person: Person,
  tenantId: string,
  viaPhone: boolean,
  withProvider = false,
): Json {
  if (viaPhone && person.phone) return identitySet('phone', identity({ id: person.phone }));
  const provider = withProvider ? { identityProvider: 'AAD' } : {};
  return identitySet(
    'user',
    identity({ id: person.id, displayName: person.displayName, tenantId, ...provider }),
  );
}

/** A person's participantInfo. */
export function personInfo(person: Person, tenantId: string, viaPhone: boolean): Json {
  return participantInfo(personIdentity(person, tenantId, viaPhone), viaPhone ? { languageId: null } : {});
}

/** The app's own participantInfo (as an application, or as its resource account): identity only. */
export function botInfo(
  app: { appId: string; displayName: string },
  instance?: { id: string; displayName: string; tenantId: string },
): Json {
  const set = instance
    ? identitySet(
        'applicationInstance',
        identity({ id: instance.id, displayName: instance.displayName, tenantId: instance.tenantId }),
      )
    : identitySet('application', identity({ id: app.appId, displayName: app.displayName }));
  return { '@odata.type': '#microsoft.graph.participantInfo', identity: set };
}

/** The person behind a roster entry or P2P call, if any. */
export function personOf(engine: CallEngine, personId: string | undefined): Person | undefined {
  return personId ? engine.directory.person(personId) : undefined;
}

// Working out what a POST /communications/calls asks for: a P2P call (VoIP or PSTN), an ad-hoc group
// call, or joining a seeded meeting, with the permission each needs and the people involved.
import { GraphError, badRequest, notFound } from '../http';
import type { Directory, Person, ResourceAccount, SeedMeeting } from '../people';
import type { Json } from './model';
import { invalid } from './validate';

export type Scenario =
  | { kind: 'p2p'; target: Person | undefined; pstn: boolean; roles: string[] }
  | { kind: 'group'; targets: (Person | undefined)[]; roles: string[] }
  | { kind: 'meeting'; meeting: SeedMeeting; roles: string[] };

const JOIN_ROLES = ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCallAsGuest.All'];

const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const typeName = (v: Json | undefined): string =>
  String(v?.['@odata.type'] ?? '').replace(/^#?microsoft\.graph\./i, '');

/** The identity kind and id of an invitationParticipantInfo / participantInfo. */
export function identityOf(info: unknown): { kind: string; id: string } | undefined {
  const set = obj(obj(info)?.identity);
  if (!set) return undefined;
  for (const kind of ['user', 'phone', 'application', 'applicationInstance', 'guest', 'device']) {
    const id = obj(set[kind])?.id;
    if (typeof id === 'string') return { kind, id };
  }
  return undefined;
}

/** The resource account named as the call's source, checked against the calling app. */
export function sourceInstance(body: Json, appId: string, directory: Directory): ResourceAccount | undefined {
  const src = identityOf(body.source);
  if (!src) return undefined;
  if (src.kind === 'application' && src.id.toLowerCase() !== appId.toLowerCase()) {
    throw invalid(
      'source.identity.application.id',
      `The source application '${src.id}' is not the calling application '${appId}'.`,
    );
  }
  if (src.kind !== 'applicationInstance') return undefined;
  const account = directory.resourceAccount(src.id);
  if (!account)
    throw invalid(
      'source.identity.applicationInstance.id',
      `No application instance '${src.id}' exists in this tenant.`,
    );
  if (account.appId.toLowerCase() !== appId.toLowerCase()) {
    throw new GraphError(
      403,
      '7504',
      `The application instance '${src.id}' is bound to another application; it cannot place calls for '${appId}'.`,
    );
  }
  return account;
}

/** Resolves a target to a person: user by object id, phone by number (PSTN); undefined when unknown. */
export function targetPerson(
  directory: Directory,
  target: unknown,
  index: number,
  allowPhone: boolean,
): { person: Person | undefined; pstn: boolean } {
  const id = identityOf(target);
  const path = `targets[${index}].identity`;
  if (!id)
    throw invalid(
      path,
      `'${path}' must name a user (identity.user.id) or a phone number (identity.phone.id).`,
    );
  if (id.kind === 'user') return { person: directory.person(id.id), pstn: false };
  if (id.kind === 'phone') {
    if (!/^\+[1-9][0-9]{6,14}$/.test(id.id))
      throw invalid(`${path}.phone.id`, `'${id.id}' is not an E.164 phone number (like +14255550100).`);
    if (!allowPhone) {
      throw badRequest(
        'Calling a phone number needs an application instance with a phone number as the call source (source.identity.applicationInstance).',
      );
    }
    return { person: directory.personByPhone(id.id), pstn: true };
  }
  throw invalid(
    path,
    `Calling an identity of kind '${id.kind}' is not supported; call a user or a phone number.`,
  );
}

/** The opaque join token of a meeting, as incoming meeting invites carry it (tokenMeetingInfo). */
export function meetingToken(meeting: SeedMeeting): string {
  return Buffer.from(`switchboard-emulator-meeting:${meeting.threadId}`).toString('base64url');
}

function meetingOf(body: Json, directory: Directory): SeedMeeting {
  const info = obj(body.meetingInfo);
  const kind = typeName(info);
  if (kind === 'organizerMeetingInfo') {
    const threadId = obj(body.chatInfo)?.threadId;
    if (typeof threadId !== 'string')
      throw invalid('chatInfo.threadId', "Joining with organizerMeetingInfo needs 'chatInfo.threadId'.");
    const organizer = obj(obj(info?.organizer)?.user)?.id;
    const meeting = directory.meetingByThread(threadId);
    if (!meeting) throw notFound(`No meeting with thread '${threadId}' exists in this tenant.`);
    if (typeof organizer !== 'string' || organizer.toLowerCase() !== meeting.organizerId.toLowerCase()) {
      throw invalid('meetingInfo.organizer.user.id', `The organizer does not match the meeting's organizer.`);
    }
    return meeting;
  }
  if (kind === 'joinMeetingIdMeetingInfo') {
    const joinId = String(info?.joinMeetingId ?? '');
    const meeting = directory.meetingByJoinId(joinId);
    if (!meeting) throw notFound(`No meeting with join meeting id '${joinId}' exists in this tenant.`);
    if (meeting.passcode && info?.passcode !== meeting.passcode) {
      throw new GraphError(
        403,
        'Forbidden',
        'The passcode does not match the meeting (meetingInfo.passcode).',
      );
    }
    return meeting;
  }
  if (kind === 'tokenMeetingInfo') {
    const token = String(info?.token ?? '');
    const meeting = directory.current().meetings.find((m) => meetingToken(m) === token);
    if (!meeting)
      throw notFound('The meeting token does not name a meeting of this tenant (meetingInfo.token).');
    return meeting;
  }
  throw invalid(
    'meetingInfo',
    `Joining with '${kind || 'meetingInfo'}' is not supported by the emulator; use organizerMeetingInfo with chatInfo, joinMeetingIdMeetingInfo or tokenMeetingInfo.`,
  );
}

/** Decides the scenario of a create-call body (already CSDL-valid). */
export function scenarioOf(
  body: Json,
  directory: Directory,
  instance: ResourceAccount | undefined,
): Scenario {
  const targets = Array.isArray(body.targets) ? body.targets : [];
  if (body.meetingInfo !== undefined && body.meetingInfo !== null) {
    if (targets.length > 0)
      throw invalid('targets', "Leave 'targets' out (or empty) when joining a meeting.");
    return { kind: 'meeting', meeting: meetingOf(body, directory), roles: JOIN_ROLES };
  }
  if (body.chatInfo)
    throw invalid(
      'meetingInfo',
      "'chatInfo' needs a 'meetingInfo' (organizerMeetingInfo) to join a meeting.",
    );
  if (targets.length === 1) {
    const { person, pstn } = targetPerson(directory, targets[0], 0, instance !== undefined);
    return { kind: 'p2p', target: person, pstn, roles: ['Calls.Initiate.All'] };
  }
  if (targets.length >= 2 && targets.length <= 5) {
    const people = targets.map((t, i) => {
      const { person, pstn } = targetPerson(directory, t, i, false);
      if (pstn)
        throw invalid(
          `targets[${i}]`,
          'A group call can only invite VoIP users; add phone numbers with invite afterwards.',
        );
      return person;
    });
    return { kind: 'group', targets: people, roles: ['Calls.InitiateGroupCall.All'] };
  }
  if (targets.length === 0)
    throw invalid(
      'targets',
      "A call needs 'targets' (1 for a P2P call, 2 to 5 for a group call) or meeting coordinates.",
    );
  throw invalid('targets', `An ad-hoc group call supports at most 5 targets; got ${targets.length}.`);
}

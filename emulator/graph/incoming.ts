// A person calls the app, or invites it into a meeting: the call is announced to the app's calling
// webhook as `created` with state `incoming`, and ends by itself (408/1106) if the app neither answers,
// rejects nor redirects it in time.
import { randomBytes } from 'node:crypto';
import type { AppRegistration, Person, SeedMeeting } from '../people';
import { addParticipant, botInfo, createCallRecord, personIdentity } from './call-factory';
import { meetingToken } from './create-scenario';
import type { CallRec, Json } from './model';
import { END } from './result-codes';
import { identity, identitySet, participantInfo } from './serialize';
import type { GraphService } from './service';
import { FIRST_NOTIFICATION_MS } from './timing';

/** Roles without which the caller's identity reaches the app encrypted (SPEC.md §3.2). */
const IDENTITY_ROLES = [
  'Calls.AccessMedia.All',
  'Calls.Initiate.All',
  'Calls.InitiateGroupCall.All',
  'Calls.JoinGroupCall.All',
  'Calls.JoinGroupCallAsGuest.All',
];

export interface IncomingOptions {
  person: Person;
  app: AppRegistration;
  /** The app's calling webhook (seed, control API, or EMULATOR_APP_WEBHOOK). */
  webhook: string;
  /** Dial the app's resource account number (PSTN) instead of the app itself. */
  viaNumber?: string;
  /** The person invites the app into this meeting (chatInfo + tokenMeetingInfo). */
  meeting?: SeedMeeting;
  /** The caller is on the phone network though the app itself is dialled (a redirected PSTN call). */
  pstn?: boolean;
  /** The call another app redirected here (named on the new call's timeline). */
  redirectedFrom?: string;
}

function callerIdentity(svc: GraphService, opts: IncomingOptions, pstn: boolean): Json {
  const tenantId = svc.engine.directory.current().tenantId;
  const canSee = opts.app.graphRoles.some((r) =>
    IDENTITY_ROLES.some((x) => x.toLowerCase() === r.toLowerCase()),
  );
  if (!canSee) return identitySet('encrypted', identity({ id: randomBytes(24).toString('base64url') }));
  if (opts.meeting)
    return identitySet('user', identity({ id: opts.person.id, displayName: opts.person.displayName }));
  return personIdentity(opts.person, tenantId, pstn, true);
}

/** How the call reached the app, for the timeline. */
function viaOf(opts: IncomingOptions): string | undefined {
  if (opts.redirectedFrom) return `redirect of ${opts.redirectedFrom}`;
  if (opts.meeting) return `meeting ${opts.meeting.id}`;
  return opts.viaNumber ?? 'app';
}

/** Starts an incoming call from a person to the app; returns the call. */
export function startIncoming(svc: GraphService, opts: IncomingOptions): CallRec {
  const { engine } = svc;
  const tenant = engine.directory.current();
  const instance =
    !opts.meeting && opts.viaNumber ? engine.directory.resourceAccountByPhone(opts.viaNumber) : undefined;
  const pstn = instance !== undefined || (opts.pstn === true && !opts.meeting);
  const me = botInfo(opts.app, instance ? { ...instance, tenantId: tenant.tenantId } : undefined);
  // Each documented incoming example decorates source and target differently; these follow them.
  const target: Json = {
    '@odata.type': '#microsoft.graph.invitationParticipantInfo',
    identity: (me as { identity: Json }).identity,
  };
  if (!opts.meeting) target.endpointType = 'default';
  if (pstn) Object.assign(target, { region: 'amer', languageId: null });
  const source = opts.meeting
    ? {
        '@odata.type': '#microsoft.graph.participantInfo',
        identity: callerIdentity(svc, opts, false),
        region: 'amer',
      }
    : participantInfo(callerIdentity(svc, opts, pstn), pstn ? { region: 'amer' } : {});
  if (pstn) delete source.languageId;
  const call = createCallRecord(
    engine,
    {
      appId: opts.app.appId,
      tenantId: tenant.tenantId,
      direction: 'incoming',
      state: 'incoming',
      kind: opts.meeting ? 'meeting' : 'p2p',
      callbackUri: opts.webhook,
      source,
      targets: [target],
      requestedModalities: ['audio'],
      remotePersonId: opts.meeting ? undefined : opts.person.id,
      pstn,
      applicationInstanceId: instance?.id,
      meetingId: opts.meeting?.id,
      chatInfo: opts.meeting
        ? { '@odata.type': '#microsoft.graph.chatInfo', threadId: opts.meeting.threadId, messageId: '0' }
        : null,
      meetingInfo: opts.meeting
        ? { '@odata.type': '#microsoft.graph.tokenMeetingInfo', token: meetingToken(opts.meeting) }
        : null,
    },
    me,
  );
  if (!opts.meeting) target.id = call.myParticipantId;
  // The caller is on the call from the start; in a P2P call their participant id is the source's id.
  const caller = addParticipant(call, { info: { ...source }, personId: opts.person.id });
  if (!pstn && !opts.meeting)
    call.source = { '@odata.type': source['@odata.type'], id: caller.id, ...source };
  engine.note(call, 'person', {
    personId: opts.person.id,
    event: 'calls-app',
    via: viaOf(opts),
  });
  engine.later(call, FIRST_NOTIFICATION_MS, () => {
    engine.notifyCall(call, 'created', opts.meeting ? 'incomingGroup' : pstn ? 'incomingPstn' : 'incoming');
    engine.later(call, engine.settings.incomingTimeoutMs, () => {
      if (call.state === 'incoming' && !call.decided) engine.end(call, END.notAcknowledged);
    });
  });
  return call;
}

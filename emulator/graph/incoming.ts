// A person calls the app: the call is announced to the app's calling webhook as `created` with
// state `incoming`, and ends by itself (408/1106) if the app neither answers, rejects nor redirects.
import { randomBytes } from 'node:crypto';
import type { AppRegistration, Person } from '../people';
import { addParticipant, botInfo, createCallRecord, personIdentity } from './call-factory';
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
}

/** Starts an incoming call from a person to the app; returns the call. */
export function startIncoming(svc: GraphService, opts: IncomingOptions): CallRec {
  const { engine } = svc;
  const tenant = engine.directory.current();
  const instance = opts.viaNumber ? engine.directory.resourceAccountByPhone(opts.viaNumber) : undefined;
  const pstn = instance !== undefined;
  const canSee = opts.app.graphRoles.some((r) =>
    IDENTITY_ROLES.some((x) => x.toLowerCase() === r.toLowerCase()),
  );
  const callerSet = canSee
    ? personIdentity(opts.person, tenant.tenantId, pstn, true)
    : identitySet('encrypted', identity({ id: randomBytes(24).toString('base64url') }));
  const me = botInfo(opts.app, instance ? { ...instance, tenantId: tenant.tenantId } : undefined);
  const target: Json = {
    '@odata.type': '#microsoft.graph.invitationParticipantInfo',
    identity: (me as { identity: Json }).identity,
    endpointType: 'default',
    ...(pstn ? { region: 'amer', languageId: null } : {}),
  };
  const source = participantInfo(callerSet, pstn ? { region: 'amer' } : {});
  if (pstn) delete source.languageId;
  const call = createCallRecord(
    engine,
    {
      appId: opts.app.appId,
      tenantId: tenant.tenantId,
      direction: 'incoming',
      state: 'incoming',
      kind: 'p2p',
      callbackUri: opts.webhook,
      source,
      targets: [target],
      requestedModalities: ['audio'],
      remotePersonId: opts.person.id,
      pstn,
      applicationInstanceId: instance?.id,
    },
    me,
  );
  target.id = call.myParticipantId;
  // The caller is on the call from the start; their participant id is the source's id.
  const caller = addParticipant(call, { info: { ...source }, personId: opts.person.id });
  if (!pstn) call.source = { '@odata.type': source['@odata.type'], id: caller.id, ...source };
  engine.note(call, 'person', {
    personId: opts.person.id,
    event: 'calls-app',
    via: pstn ? opts.viaNumber : 'app',
  });
  engine.later(call, FIRST_NOTIFICATION_MS, () => {
    engine.notifyCall(call, 'created', pstn ? 'incomingPstn' : 'incoming');
    engine.later(call, engine.settings.incomingTimeoutMs, () => {
      if (call.state === 'incoming' && !call.decided) engine.end(call, END.notAcknowledged);
    });
  });
  return call;
}

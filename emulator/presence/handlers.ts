// The presence requests: read one (by user or /me), read many (getPresencesByUserId), and an app's
// presence session (setPresence, clearPresence), each with the permissions SPEC.md §7 lists.
import { actorOf, meOf, requirePermission } from '../access';
import type { Actor, Needs } from '../access';
import type { CsdlModel } from '../csdl';
import { validateActionBody } from '../csdl';
import { resolveUser } from '../directory';
import { GraphError, jsonBody } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { invalidProperty, throwIssues } from '../odata';
import type { Directory, Person } from '../people';
import { durationMs } from './duration';
import type { PresenceService } from './presence-service';
import { presenceJson } from './presence-json';
import {
  ACTIVITY,
  AVAILABILITY,
  SESSION_DEFAULT_MS,
  SESSION_MAX_MS,
  SESSION_MIN_MS,
  isSessionPair,
} from './states';

export interface PresenceRouteDeps {
  presence: PresenceService;
  directory: Directory;
  csdl: CsdlModel;
  publicBase: () => string;
}

const READ_OTHERS: Needs = {
  app: ['Presence.Read.All', 'Presence.ReadWrite.All'],
  delegated: ['Presence.Read.All', 'Presence.ReadWrite.All'],
};
const READ_OWN: Needs = {
  app: [],
  delegated: ['Presence.Read', 'Presence.Read.All', 'Presence.ReadWrite', 'Presence.ReadWrite.All'],
};
const WRITE: Needs = {
  app: ['Presence.ReadWrite.All'],
  delegated: ['Presence.ReadWrite', 'Presence.ReadWrite.All'],
};
/** Graph's limit on ids per getPresencesByUserId request (SPEC.md §9). */
export const MAX_IDS = 650;

const self = (actor: Actor, person: Person): boolean =>
  actor.kind === 'user' && actor.userId.toLowerCase() === person.id.toLowerCase();

/** GET /users/{id}/presence and GET /communications/presences/{id} */
export function getUserPresence(deps: PresenceRouteDeps, ctx: RequestContext): HttpResponse {
  const actor = actorOf(ctx);
  const person = resolveUser(deps.directory, ctx.params.userId ?? '');
  requirePermission(actor, self(actor, person) ? READ_OWN : READ_OTHERS, 'teams');
  const base = deps.publicBase();
  const context = ctx.path.toLowerCase().includes('/communications/')
    ? `${base}/v1.0/$metadata#communications/presences/$entity`
    : `${base}/v1.0/$metadata#users('${person.id}')/presence/$entity`;
  return { status: 200, body: presenceJson(person.id, deps.presence.get(person), context) };
}

/** GET /me/presence */
export function getMyPresence(deps: PresenceRouteDeps, ctx: RequestContext): HttpResponse {
  const me = meOf(ctx);
  requirePermission(me, READ_OWN, 'teams');
  const person = resolveUser(deps.directory, me.userId);
  const context = `${deps.publicBase()}/v1.0/$metadata#users('${person.id}')/presence/$entity`;
  return { status: 200, body: presenceJson(person.id, deps.presence.get(person), context) };
}

/** POST /communications/getPresencesByUserId {"ids":[...]} */
export function getPresencesByUserId(deps: PresenceRouteDeps, ctx: RequestContext): HttpResponse {
  requirePermission(actorOf(ctx), READ_OTHERS, 'teams');
  const body = jsonBody(ctx, false);
  throwIssues(
    validateActionBody(deps.csdl, 'microsoft.graph.cloudCommunications', 'getPresencesByUserId', body),
  );
  const ids = body.ids as string[];
  if (ids.length > MAX_IDS)
    throw invalidProperty('ids', `At most ${MAX_IDS} ids are supported per request; got ${ids.length}.`);
  // Ids that name nobody in the tenant come back as PresenceUnknown rather than failing the batch.
  const value = [...new Set(ids)].map((id) => {
    const person = deps.directory.person(id);
    return person
      ? presenceJson(person.id, deps.presence.get(person))
      : presenceJson(id, { availability: 'PresenceUnknown', activity: 'PresenceUnknown' });
  });
  return {
    status: 200,
    body: {
      '@odata.context': `${deps.publicBase()}/v1.0/$metadata#Collection(microsoft.graph.presence)`,
      value,
    },
  };
}

function writer(deps: PresenceRouteDeps, ctx: RequestContext): { actor: Actor; person: Person } {
  const actor = actorOf(ctx);
  const person = resolveUser(deps.directory, ctx.params.userId ?? '');
  requirePermission(actor, WRITE, 'teams');
  if (actor.kind === 'user' && !self(actor, person))
    throw new GraphError(
      403,
      'Forbidden',
      'A signed-in user can set the presence of their own account only.',
    );
  return { actor, person };
}

/** POST /users/{id}/presence/setPresence */
export function setPresence(deps: PresenceRouteDeps, ctx: RequestContext): HttpResponse {
  const { actor, person } = writer(deps, ctx);
  const body = jsonBody(ctx, false);
  throwIssues(
    validateActionBody(deps.csdl, 'microsoft.graph.presence', 'setPresence', body, {
      extraRequired: ['sessionId'],
      allowedValues: { availability: AVAILABILITY, activity: ACTIVITY },
    }),
  );
  const sessionId = String(body.sessionId);
  if (sessionId.toLowerCase() !== actor.appId.toLowerCase())
    throw invalidProperty(
      'sessionId',
      `The sessionId must be the application id of the caller ('${actor.appId}'); got '${sessionId}'.`,
    );
  const state = { availability: String(body.availability), activity: String(body.activity) };
  if (!isSessionPair(state))
    throw invalidProperty(
      'activity',
      `The combination availability '${state.availability}' and activity '${state.activity}' is not supported. Supported combinations: Available/Available, Busy/InACall, Busy/InAConferenceCall, Away/Away, DoNotDisturb/Presenting.`,
    );
  let ms = SESSION_DEFAULT_MS;
  if (typeof body.expirationDuration === 'string') {
    const asked = durationMs(body.expirationDuration);
    if (asked === undefined || asked < SESSION_MIN_MS || asked > SESSION_MAX_MS)
      throw invalidProperty(
        'expirationDuration',
        `The expirationDuration '${body.expirationDuration}' is out of range; it must be from PT5M to PT4H.`,
      );
    ms = asked;
  }
  deps.presence.setSession(person, sessionId, state, ms);
  return { status: 200 };
}

/** POST /users/{id}/presence/clearPresence {"sessionId"} */
export function clearPresence(deps: PresenceRouteDeps, ctx: RequestContext): HttpResponse {
  const { actor, person } = writer(deps, ctx);
  const body = jsonBody(ctx, false);
  throwIssues(
    validateActionBody(deps.csdl, 'microsoft.graph.presence', 'clearPresence', body, {
      extraRequired: ['sessionId'],
    }),
  );
  const sessionId = String(body.sessionId);
  if (!deps.presence.clearSession(person, sessionId))
    throw new GraphError(
      404,
      'NotFound',
      `No presence session '${sessionId}' exists for user '${person.id}'${sessionId === actor.appId ? '' : ' (the sessionId is the application id that set it)'}.`,
    );
  return { status: 200 };
}

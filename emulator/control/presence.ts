// Control API for presence: a person's own state, as if they chose it in the Teams client.
import type { HttpResponse, RequestContext } from '../http';
import type { Person } from '../people';
import type { PresenceService } from '../presence';
import { ACTIVITY, AVAILABILITY } from '../presence';
import { controlBody, controlError, controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

function parts(deps: ControlDeps, ctx: RequestContext): { presence: PresenceService; person: Person } {
  if (!deps.presence) throw controlNotFound('Presence is not served by this emulator.');
  const person = deps.svc.engine.directory.person(ctx.params.personId ?? '');
  if (!person) throw controlNotFound(`No person '${ctx.params.personId}' in the tenant.`);
  return { presence: deps.presence, person };
}

function view(presence: PresenceService, person: Person): Record<string, unknown> {
  return {
    id: person.id,
    displayName: person.displayName,
    own: presence.own(person),
    presence: presence.get(person),
    sessions: presence.sessionsOf(person.id),
  };
}

/** GET /emulator/people/{id}/presence: own state, what Graph reports, and the apps' sessions. */
export function getPresence(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const { presence, person } = parts(deps, ctx);
  return ok(view(presence, person));
}

/** PUT /emulator/people/{id}/presence {"availability","activity"}: the person's own state. */
export function putPresence(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const { presence, person } = parts(deps, ctx);
  const body = controlBody(ctx);
  const { availability, activity } = body;
  if (typeof availability !== 'string' || !(AVAILABILITY as readonly string[]).includes(availability))
    throw controlError(`"availability" must be one of ${AVAILABILITY.join(', ')}.`);
  if (typeof activity !== 'string' || !(ACTIVITY as readonly string[]).includes(activity))
    throw controlError(`"activity" must be one of ${ACTIVITY.join(', ')}.`);
  presence.setOwn(person, { availability, activity });
  return ok(view(presence, person));
}

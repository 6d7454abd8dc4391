// Control API for people: change a script, or have a person call the app.
import type { HttpResponse, RequestContext } from '../http';
import { startIncoming } from '../graph';
import type { Person } from '../people';
import { parseScript } from '../people';
import { controlBody, controlError, controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

function personOf(deps: ControlDeps, ctx: RequestContext): Person {
  const person = deps.svc.engine.directory.person(ctx.params.personId ?? '');
  if (!person) throw controlNotFound(`No person '${ctx.params.personId}' in the tenant.`);
  return person;
}

/** PUT /emulator/people/{id}/script */
export function putScript(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const person = personOf(deps, ctx);
  const parsed = parseScript(controlBody(ctx));
  if (!parsed.ok) throw controlError(`Invalid script: ${parsed.message}`);
  deps.svc.engine.directory.setScript(person.id, parsed.script);
  return ok({ id: person.id, displayName: person.displayName, script: parsed.script });
}

/** GET /emulator/people/{id} */
export function getPerson(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const person = personOf(deps, ctx);
  return ok({
    ...person,
    inCall: deps.svc.engine.isEngaged(person.id),
    ...(deps.presence ? { currentPresence: deps.presence.get(person) } : {}),
  });
}

/**
 * POST /emulator/people/{id}/call {"to":"app"} or {"to":"+14255550199"} (a resource account's number),
 * optionally {"meetingId":"seed-standup"} (the person invites the app into that meeting): the app's
 * calling webhook receives the incoming call.
 */
export function placeCall(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const person = personOf(deps, ctx);
  const body = controlBody(ctx);
  const to = typeof body.to === 'string' ? body.to : 'app';
  const { directory } = deps.svc.engine;
  const viaNumber = to === 'app' ? undefined : to;
  const account = viaNumber ? directory.resourceAccountByPhone(viaNumber) : undefined;
  if (viaNumber && !account)
    throw controlError(
      `"to" must be "app" or the phone number of a resource account; no account has ${viaNumber}.`,
    );
  const appId =
    typeof body.appId === 'string' ? body.appId : (account?.appId ?? directory.current().apps[0]?.appId);
  const app = appId ? directory.app(appId) : undefined;
  if (!app) throw controlNotFound(`No app '${appId}' in the tenant.`);
  if (!app.callingWebhook)
    throw controlError(
      `The app ${app.appId} has no callingWebhook; set one with PATCH /emulator/apps/${app.appId}.`,
    );
  if (deps.svc.engine.isEngaged(person.id)) throw controlError(`${person.displayName} is already in a call.`);
  const meetingId = typeof body.meetingId === 'string' ? body.meetingId : undefined;
  const meeting = meetingId
    ? directory.current().meetings.find((m) => m.id === meetingId || m.threadId === meetingId)
    : undefined;
  if (meetingId && !meeting) throw controlNotFound(`No meeting '${meetingId}' in the tenant.`);
  const call = startIncoming(deps.svc, { person, app, webhook: app.callingWebhook, viaNumber, meeting });
  return ok({ callId: call.id, state: call.state, webhook: app.callingWebhook }, 201);
}

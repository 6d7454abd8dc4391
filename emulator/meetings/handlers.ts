// The online meeting requests, in the app form (/users/{id}/onlineMeetings: an application access
// policy must cover the user) and the delegated form (/me/onlineMeetings): create, createOrGet, get by
// id, and get by $filter on JoinWebUrl or joinMeetingIdSettings/joinMeetingId.
import { validateActionBody, validateEntityBody } from '../csdl';
import { GraphError, jsonBody } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { FilterSyntaxError, parseFilter, queryOption, throwIssues } from '../odata';
import { READ, WRITE, actingFor, canSee, meetingBody, meetingOf } from './acting';
import type { MeetingRouteDeps } from './acting';
import { parseJoinWebUrl } from './ids';
import { createMeeting } from './create';
import type { MeetingView } from './store';

/** POST /users/{id}/onlineMeetings and /me/onlineMeetings */
export function create(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const { actor, person, base } = actingFor(deps, ctx, WRITE);
  const body = jsonBody(ctx, false);
  throwIssues(validateEntityBody(deps.csdl, 'microsoft.graph.onlineMeeting', body, 'create'));
  const view = createMeeting(deps, { organizer: person, appId: actor.appId, body });
  return { status: 201, body: { '@odata.context': `${base}/$entity`, ...meetingBody(deps, view) } };
}

/** POST .../onlineMeetings/createOrGet: 201 when created, 200 when the externalId already has one. */
export function createOrGet(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const { actor, person, base } = actingFor(deps, ctx, WRITE);
  const body = jsonBody(ctx, false);
  throwIssues(
    validateActionBody(deps.csdl, 'Collection(microsoft.graph.onlineMeeting)', 'createOrGet', body),
  );
  const externalId = String(body.externalId);
  const existing = deps.meetings.byExternalId(person.id, actor.appId, externalId);
  if (existing)
    return { status: 200, body: { '@odata.context': `${base}/$entity`, ...meetingBody(deps, existing) } };
  const view = createMeeting(deps, { organizer: person, appId: actor.appId, body, externalId });
  return { status: 201, body: { '@odata.context': `${base}/$entity`, ...meetingBody(deps, view) } };
}

/** GET .../onlineMeetings/{meetingId} */
export function getById(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const { person, base } = actingFor(deps, ctx, READ);
  const view = meetingOf(deps, ctx, person);
  return { status: 200, body: { '@odata.context': `${base}/$entity`, ...meetingBody(deps, view) } };
}

function findByFilter(deps: MeetingRouteDeps, raw: string): MeetingView | undefined {
  let node;
  try {
    node = parseFilter(raw);
  } catch (err) {
    if (!(err instanceof FilterSyntaxError)) throw err;
    throw new GraphError(
      400,
      'BadRequest',
      `Invalid filter clause: ${err.message} at position ${err.position}.`,
    );
  }
  if (node.kind !== 'cmp' || node.op !== 'eq' || typeof node.value !== 'string')
    throw new GraphError(
      400,
      'BadRequest',
      "Filter expression expected - /onlineMeetings?$filter={ParameterName} eq '{id}'.",
    );
  const path = node.path.toLowerCase();
  if (path === 'joinweburl') {
    const parsed = parseJoinWebUrl(node.value);
    if (!parsed) throw new GraphError(400, 'BadRequest', `'${node.value}' is not a Teams meeting join URL.`);
    return parsed.kind === 'long'
      ? deps.meetings.byThread(parsed.threadId)
      : deps.meetings.byJoinMeetingId(parsed.joinMeetingId);
  }
  if (path === 'joinmeetingidsettings/joinmeetingid') return deps.meetings.byJoinMeetingId(node.value);
  throw new GraphError(
    400,
    'BadRequest',
    `Filtering online meetings by '${node.path}' is not supported; use JoinWebUrl or joinMeetingIdSettings/joinMeetingId.`,
  );
}

/** GET .../onlineMeetings?$filter=JoinWebUrl eq '...' → { value: [the meeting] } (empty when none). */
export function list(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const { person, base } = actingFor(deps, ctx, READ);
  const raw = queryOption(ctx.query, '$filter');
  if (raw === null)
    throw new GraphError(
      400,
      'BadRequest',
      "Filter expression expected - /onlineMeetings?$filter={ParameterName} eq '{id}'.",
    );
  const view = findByFilter(deps, raw);
  const value = view && canSee(view, person) ? [meetingBody(deps, view)] : [];
  return { status: 200, body: { '@odata.context': base, value } };
}

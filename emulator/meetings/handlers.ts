// The online meeting requests, in the app form (/users/{id}/onlineMeetings: an application access
// policy must cover the user) and the delegated form (/me/onlineMeetings): create, createOrGet, get by
// id, and get by $filter on JoinWebUrl or joinMeetingIdSettings/joinMeetingId.
import { actorOf, meOf, requirePermission } from '../access';
import type { Actor, Needs } from '../access';
import type { Clock } from '../clock';
import type { CsdlModel } from '../csdl';
import { validateActionBody, validateEntityBody } from '../csdl';
import { resolveUser } from '../directory';
import { GraphError, jsonBody } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { FilterSyntaxError, parseFilter, queryOption, throwIssues } from '../odata';
import type { Directory, Person } from '../people';
import { requirePolicy } from './access-policy';
import { parseJoinWebUrl, parseMeetingGraphId } from './ids';
import { attendeeId, meetingJson } from './meeting-json';
import { createMeeting } from './create';
import type { MeetingStore, MeetingView } from './store';

export interface MeetingRouteDeps {
  meetings: MeetingStore;
  directory: Directory;
  csdl: CsdlModel;
  clock: Clock;
  publicBase: () => string;
}

const WRITE: Needs = { app: ['OnlineMeetings.ReadWrite.All'], delegated: ['OnlineMeetings.ReadWrite'] };
const READ: Needs = {
  app: ['OnlineMeetings.Read.All', 'OnlineMeetings.ReadWrite.All'],
  delegated: ['OnlineMeetings.Read', 'OnlineMeetings.ReadWrite'],
};

/** Who the request acts for: the organizer from the path (app or self) or the signed-in user (/me). */
function subject(
  deps: MeetingRouteDeps,
  ctx: RequestContext,
  needs: Needs,
): { actor: Actor; person: Person; base: string } {
  const actor = ctx.params.userId === undefined ? meOf(ctx) : actorOf(ctx);
  requirePermission(actor, needs, 'teams');
  const named = ctx.params.userId ?? (actor.kind === 'user' ? actor.userId : '');
  const person = resolveUser(deps.directory, named);
  if (actor.kind === 'app') requirePolicy(deps.directory.current(), actor.appId, person.id);
  else if (actor.userId.toLowerCase() !== person.id.toLowerCase())
    throw new GraphError(403, 'Forbidden', 'A signed-in user can act on their own online meetings only.');
  const base = `${deps.publicBase()}/v1.0/$metadata#users('${person.id}')/onlineMeetings`;
  return { actor, person, base };
}

function json(deps: MeetingRouteDeps, view: MeetingView): Record<string, unknown> {
  return meetingJson(view, {
    tenantId: deps.directory.current().tenantId,
    person: (id) => deps.directory.person(id),
  });
}

/** The organizer or an invited attendee may read a meeting. */
function canSee(view: MeetingView, person: Person): boolean {
  const id = person.id.toLowerCase();
  return (
    view.meeting.organizerId.toLowerCase() === id ||
    view.meeting.attendeesInMeeting.some((a) => a.toLowerCase() === id) ||
    view.details.attendees.some((a) => attendeeId(a)?.toLowerCase() === id)
  );
}

/** POST /users/{id}/onlineMeetings and /me/onlineMeetings */
export function create(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const { actor, person, base } = subject(deps, ctx, WRITE);
  const body = jsonBody(ctx, false);
  throwIssues(validateEntityBody(deps.csdl, 'microsoft.graph.onlineMeeting', body, 'create'));
  const view = createMeeting(deps, { organizer: person, appId: actor.appId, body });
  return { status: 201, body: { '@odata.context': `${base}/$entity`, ...json(deps, view) } };
}

/** POST .../onlineMeetings/createOrGet: 201 when created, 200 when the externalId already has one. */
export function createOrGet(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const { actor, person, base } = subject(deps, ctx, WRITE);
  const body = jsonBody(ctx, false);
  throwIssues(
    validateActionBody(deps.csdl, 'Collection(microsoft.graph.onlineMeeting)', 'createOrGet', body),
  );
  const externalId = String(body.externalId);
  const existing = deps.meetings.byExternalId(person.id, actor.appId, externalId);
  if (existing)
    return { status: 200, body: { '@odata.context': `${base}/$entity`, ...json(deps, existing) } };
  const view = createMeeting(deps, { organizer: person, appId: actor.appId, body, externalId });
  return { status: 201, body: { '@odata.context': `${base}/$entity`, ...json(deps, view) } };
}

/** GET .../onlineMeetings/{meetingId} */
export function getById(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const { person, base } = subject(deps, ctx, READ);
  const id = ctx.params.meetingId ?? '';
  if (!parseMeetingGraphId(id)) throw new GraphError(400, 'BadRequest', 'Meeting Id is corrupted.');
  const view = deps.meetings.byGraphId(id);
  if (!view || !canSee(view, person))
    throw new GraphError(
      404,
      'NotFound',
      `The online meeting '${id}' was not found for user '${person.id}'.`,
    );
  return { status: 200, body: { '@odata.context': `${base}/$entity`, ...json(deps, view) } };
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
  const { person, base } = subject(deps, ctx, READ);
  const raw = queryOption(ctx.query, '$filter');
  if (raw === null)
    throw new GraphError(
      400,
      'BadRequest',
      "Filter expression expected - /onlineMeetings?$filter={ParameterName} eq '{id}'.",
    );
  const view = findByFilter(deps, raw);
  const value = view && canSee(view, person) ? [json(deps, view)] : [];
  return { status: 200, body: { '@odata.context': base, value } };
}

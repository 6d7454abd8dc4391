// What every online meeting request shares: whom it acts for (the organizer from the path, under an
// application access policy, or the signed-in user of /me), the permission it needs, and the meeting
// its path names.
import { actorOf, meOf, requirePermission } from '../access';
import type { Actor, Needs } from '../access';
import type { Clock } from '../clock';
import type { CsdlModel } from '../csdl';
import { resolveUser } from '../directory';
import { GraphError } from '../http';
import type { RequestContext } from '../http';
import type { Directory, Person } from '../people';
import { requirePolicy } from './access-policy';
import type { AttendanceTracker } from './attendance';
import { parseMeetingGraphId } from './ids';
import { attendeeId, meetingJson } from './meeting-json';
import type { MeetingStore, MeetingView } from './store';

export interface MeetingRouteDeps {
  meetings: MeetingStore;
  directory: Directory;
  csdl: CsdlModel;
  clock: Clock;
  publicBase: () => string;
  /** Who joined each meeting and for how long (attendance reports). */
  attendance: AttendanceTracker;
}

export const WRITE: Needs = {
  app: ['OnlineMeetings.ReadWrite.All'],
  delegated: ['OnlineMeetings.ReadWrite'],
};
export const READ: Needs = {
  app: ['OnlineMeetings.Read.All', 'OnlineMeetings.ReadWrite.All'],
  delegated: ['OnlineMeetings.Read', 'OnlineMeetings.ReadWrite'],
};

/** Who the request acts for: the organizer from the path (app or self) or the signed-in user (/me). */
export function actingFor(
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

/** The onlineMeeting resource of a meeting. */
export function meetingBody(deps: MeetingRouteDeps, view: MeetingView): Record<string, unknown> {
  return meetingJson(view, {
    tenantId: deps.directory.current().tenantId,
    person: (id) => deps.directory.person(id),
  });
}

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The organizer or an invited attendee may read a meeting. */
export function canSee(view: MeetingView, person: Person): boolean {
  return (
    sameId(view.meeting.organizerId, person.id) ||
    view.meeting.attendeesInMeeting.some((a) => sameId(a, person.id)) ||
    view.details.attendees.some((a) => sameId(attendeeId(a) ?? '', person.id))
  );
}

/**
 * The meeting named by the path as the person sees it: 400 for an id that is no meeting id, 404 when
 * it does not exist for them; with `organizer`, 403 unless they organize it.
 */
export function meetingOf(
  deps: MeetingRouteDeps,
  ctx: RequestContext,
  person: Person,
  opts: { organizer?: string } = {},
): MeetingView {
  const id = ctx.params.meetingId ?? '';
  if (!parseMeetingGraphId(id)) throw new GraphError(400, 'BadRequest', 'Meeting Id is corrupted.');
  const view = deps.meetings.byGraphId(id);
  if (!view || !canSee(view, person))
    throw new GraphError(
      404,
      'NotFound',
      `The online meeting '${id}' was not found for user '${person.id}'.`,
    );
  if (opts.organizer !== undefined && !sameId(view.meeting.organizerId, person.id))
    throw new GraphError(403, 'Forbidden', `Only the meeting's organizer can ${opts.organizer}.`);
  return view;
}

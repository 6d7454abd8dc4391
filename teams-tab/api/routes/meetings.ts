// Meetings: create one as the user (on-behalf-of) and have the app join; inside a meeting, its details,
// the app's call in it with participants and their presence, and joining or leaving.
import { z } from 'zod';
import type { Call } from '../../../calling';
import type { TabUser } from '../auth/types';
import { fromTab, threadIdOf, toTabCall, toTabParticipant } from '../calls/call-view';
import { recordToTabMeeting, threadIdFrom, toTabMeeting, type TabMeeting } from '../calls/meeting-ref';
import type { TabApiParts } from '../create-tab-api';
import { badRequest, TabError } from '../errors';
import { toTabPresence } from '../events/presence-poll';
import type { TabRoute } from '../router';
import { needCalling } from './calls';
import { needMeetings } from './meeting-changes';
import { parseBody } from './parse';
import { needGraph } from './people';

const isoTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date and time');
const CreateBody = z.looseObject({
  subject: z.string().trim().min(1).max(250),
  startDateTime: isoTime,
  endDateTime: isoTime,
  attendees: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  botJoins: z.boolean().optional(),
});
const RefBody = z.looseObject({
  chatId: z.string().optional(),
  meetingId: z.string().optional(),
  joinWebUrl: z.string().url().optional(),
});

export function meetingRoutes(p: TabApiParts): TabRoute[] {
  const known = async (threadId: string | undefined) =>
    threadId && p.meetings ? p.meetings.byThread(threadId) : undefined;

  // Graph answers a create with the attendees' ids and sign-in names only; the directory has their names.
  function namesOf(people: TabMeeting['attendees'], tenantId: string) {
    return Promise.all(
      people.map(async (a) => {
        try {
          const u = await needGraph(p.graph).users.getUser(a.id, undefined, { tenantId });
          return { id: a.id, displayName: u.displayName ?? a.displayName };
        } catch (err) {
          p.logger.warn({ err, userId: a.id }, 'an attendee of a new meeting is not in the directory');
          return a;
        }
      }),
    );
  }

  // Graph names a meeting's organizer by id only; the panel shows their name from the directory.
  async function withOrganizerName(m: TabMeeting, user: TabUser): Promise<TabMeeting> {
    if (!m.organizerId || m.organizerName || !p.graph) return m;
    try {
      const u = await p.graph.users.getUser(
        m.organizerId,
        { kind: 'user', userAssertion: user.assertion },
        { tenantId: user.tenantId },
      );
      return u.displayName ? { ...m, organizerName: u.displayName } : m;
    } catch (err) {
      p.logger.warn({ err, userId: m.organizerId }, 'the organizer of a meeting is not in the directory');
      return m;
    }
  }

  async function appCallIn(threadId: string | undefined): Promise<Call | undefined> {
    if (!threadId || !p.calling) return undefined;
    const calls = await p.calling.listCallModels({ active: true, limit: 500 });
    return calls.find((c) => threadIdOf(c) === threadId);
  }

  async function join(user: TabUser, joinWebUrl: string, subject?: string): Promise<Call> {
    const calling = needCalling(p.calling);
    const placed = await calling.joinMeeting(joinWebUrl, {
      displayName: 'Switchboard',
      origin: fromTab(user),
      ...(subject ? { meeting: { subject } } : {}),
    });
    const call = await calling.callModel(placed.id);
    if (!call) throw new TabError(404, 'call_not_found', 'Switchboard joined the meeting but lost the call.');
    return call;
  }

  return [
    {
      method: 'POST',
      pattern: '/meetings',
      async handle({ req, user }) {
        const b = await parseBody(req, CreateBody);
        if (Date.parse(b.endDateTime) <= Date.parse(b.startDateTime))
          throw badRequest('endDateTime: must be after startDateTime.');
        const meetings = needMeetings(p.meetings);
        const created = await needGraph(p.graph).meetings.createMeeting(
          { kind: 'user', userAssertion: user.assertion },
          {
            subject: b.subject,
            startDateTime: new Date(b.startDateTime).toISOString(),
            endDateTime: new Date(b.endDateTime).toISOString(),
            participants: { attendees: b.attendees.map((id) => ({ identity: { user: { id } } })) },
          },
          { tenantId: user.tenantId },
        );
        const kept = await meetings.remember({
          meeting: created,
          organizer: { id: user.id, displayName: user.displayName },
          attendees: await namesOf(toTabMeeting(created).attendees, user.tenantId),
          subject: b.subject,
          startAt: Date.parse(b.startDateTime),
          endAt: Date.parse(b.endDateTime),
          via: 'tab',
          tenantId: user.tenantId,
        });
        const meeting = recordToTabMeeting(kept, user.id);
        const call =
          b.botJoins && meeting.joinWebUrl ? await join(user, meeting.joinWebUrl, b.subject) : undefined;
        return { status: 201, body: { meeting, ...(call ? { call: toTabCall(call) } : {}) } };
      },
    },
    {
      method: 'GET',
      pattern: '/meeting',
      async handle({ req, user }) {
        const threadId = threadIdFrom(req.query.get('chatId'), req.query.get('meetingId'));
        if (!threadId) throw badRequest('chatId or meetingId: give the meeting ids from the Teams context.');
        const record = await known(threadId);
        let meeting: TabMeeting | undefined = record && recordToTabMeeting(record, user.id);
        const joinWebUrl = req.query.get('joinWebUrl');
        if (!meeting && joinWebUrl && p.graph) {
          const found = await p.graph.meetings.findMeetingByJoinUrl(
            { kind: 'user', userAssertion: user.assertion },
            joinWebUrl,
            { tenantId: user.tenantId },
          );
          meeting = found && (await withOrganizerName(toTabMeeting(found), user));
        }
        const call = await appCallIn(threadId);
        const participants = (call?.people ?? []).filter((x) => x.status === 'joined').map(toTabParticipant);
        const userIds = participants.flatMap((x) => (x.userId ? [x.userId] : []));
        const presences =
          userIds.length > 0 && p.graph
            ? await p.graph.presence.getPresences(
                userIds,
                { kind: 'user', userAssertion: user.assertion },
                { tenantId: user.tenantId },
              )
            : [];
        const byId = new Map(presences.flatMap((x) => (x.id ? [[x.id.toLowerCase(), x] as const] : [])));
        const withPresence = participants.map((x) => {
          const pr = x.userId ? byId.get(x.userId.toLowerCase()) : undefined;
          const tp = pr && toTabPresence(pr);
          return tp ? { ...x, presence: tp } : x;
        });
        return {
          status: 200,
          body: {
            meeting: meeting ?? null,
            threadId,
            call: call ? toTabCall(call) : null,
            participants: withPresence,
          },
        };
      },
    },
    {
      method: 'POST',
      pattern: '/meeting/join',
      async handle({ req, user }) {
        const b = await parseBody(req, RefBody);
        const threadId = threadIdFrom(b.chatId, b.meetingId);
        const url = b.joinWebUrl ?? (await known(threadId))?.joinUrl;
        if (!url)
          throw badRequest('joinWebUrl: this meeting is not known to Switchboard; give its join link.');
        const already = await appCallIn(threadId);
        if (already) return { status: 200, body: { call: toTabCall(already) } };
        const subject = (await known(threadId))?.subject;
        return { status: 201, body: { call: toTabCall(await join(user, url, subject)) } };
      },
    },
    {
      method: 'POST',
      pattern: '/meeting/leave',
      async handle({ req, user }) {
        const b = await parseBody(req, RefBody);
        const call = await appCallIn(threadIdFrom(b.chatId, b.meetingId));
        if (!call) throw new TabError(404, 'call_not_found', 'Switchboard is not in this meeting.');
        await needCalling(p.calling).hangUp(call.id, { by: user.displayName });
        return { status: 204 };
      },
    },
  ];
}

// Typed calls to onlineMeetings (SPEC §6), in the app form (/users/{organizer}/..., needs an application
// access policy) or the delegated form (/me/..., with a token obtained on behalf of the signed-in user).
// The same two forms serve a meeting's attendance reports (attendance-api.ts).
import type { OnlineMeeting } from '@microsoft/microsoft-graph-types';
import { CallingError } from '../errors';
import { seg } from './operation-result';
import type { GraphAuth, GraphClient, GraphContext } from './types';

/** On whose behalf a meeting request runs. */
export type MeetingActor =
  | { readonly kind: 'app'; readonly organizerId: string }
  | { readonly kind: 'user'; readonly userAssertion: string };

/** createOrGet's body: externalId identifies the meeting on our side. */
export type CreateOrGetMeetingParams = Pick<
  OnlineMeeting,
  'startDateTime' | 'endDateTime' | 'subject' | 'participants' | 'chatInfo'
> & {
  readonly externalId: string;
};

/** What PATCH may change of a meeting Switchboard made: Graph wants both times or neither. */
export type MeetingUpdate = Pick<OnlineMeeting, 'subject'> & {
  readonly startDateTime?: string;
  readonly endDateTime?: string;
};

/** The onlineMeetings API. Every method throws CallingError on failure. */
export interface MeetingsApi {
  createMeeting(actor: MeetingActor, meeting: OnlineMeeting, ctx?: GraphContext): Promise<OnlineMeeting>;
  getMeeting(actor: MeetingActor, meetingId: string, ctx?: GraphContext): Promise<OnlineMeeting>;
  /** The meeting whose joinWebUrl is exactly `joinWebUrl`, or undefined. */
  findMeetingByJoinUrl(
    actor: MeetingActor,
    joinWebUrl: string,
    ctx?: GraphContext,
  ): Promise<OnlineMeeting | undefined>;
  /** Creates the meeting for `externalId`, or returns the one made for it before (`created` false). */
  createOrGetMeeting(
    actor: MeetingActor,
    params: CreateOrGetMeetingParams,
    ctx?: GraphContext,
  ): Promise<{ meeting: OnlineMeeting; created: boolean }>;
  /** PATCHes the meeting; answers the whole meeting as it now is. */
  updateMeeting(
    actor: MeetingActor,
    meetingId: string,
    update: MeetingUpdate,
    ctx?: GraphContext,
  ): Promise<OnlineMeeting>;
  /** Deletes the meeting: it can no longer be joined; calls already in it carry on. */
  deleteMeeting(actor: MeetingActor, meetingId: string, ctx?: GraphContext): Promise<void>;
}

/** The path of the actor's onlineMeetings collection. */
export function meetingsRoot(actor: MeetingActor): string {
  return actor.kind === 'app' ? `/users/${seg(actor.organizerId)}/onlineMeetings` : '/me/onlineMeetings';
}

/** The token a meeting request carries: the app's, or the user's on-behalf-of token. */
export function meetingAuth(actor: MeetingActor): GraphAuth {
  return actor.kind === 'app' ? { kind: 'app' } : { kind: 'user', userAssertion: actor.userAssertion };
}

/** The meetings API over `graph`. */
export function createMeetingsApi(graph: GraphClient): MeetingsApi {
  const root = meetingsRoot;
  const auth = meetingAuth;

  function required(m: OnlineMeeting | undefined, what: string): OnlineMeeting {
    if (!m?.id) throw new CallingError('graph_error', `Graph returned no meeting for ${what}.`);
    return m;
  }

  return {
    async createMeeting(actor, meeting, ctx) {
      const res = await graph.request<OnlineMeeting>({
        method: 'POST',
        path: root(actor),
        body: meeting,
        auth: auth(actor),
        context: ctx,
      });
      return required(res.body, 'create meeting');
    },
    async getMeeting(actor, meetingId, ctx) {
      const res = await graph.request<OnlineMeeting>({
        method: 'GET',
        path: `${root(actor)}/${seg(meetingId)}`,
        auth: auth(actor),
        context: ctx,
      });
      return required(res.body, `meeting ${meetingId}`);
    },
    async findMeetingByJoinUrl(actor, joinWebUrl, ctx) {
      // OData string literal: a quote inside is doubled.
      const filter = `JoinWebUrl eq '${joinWebUrl.replace(/'/g, "''")}'`;
      const res = await graph.request<{ value?: OnlineMeeting[] }>({
        method: 'GET',
        path: root(actor),
        query: { $filter: filter },
        auth: auth(actor),
        context: ctx,
      });
      return res.body?.value?.[0];
    },
    async createOrGetMeeting(actor, params, ctx) {
      const res = await graph.request<OnlineMeeting>({
        method: 'POST',
        path: `${root(actor)}/createOrGet`,
        body: params,
        auth: auth(actor),
        context: ctx,
        // Same externalId, same meeting: repeating it cannot make a second one.
        idempotent: true,
      });
      return { meeting: required(res.body, `createOrGet ${params.externalId}`), created: res.status === 201 };
    },
    async updateMeeting(actor, meetingId, update, ctx) {
      const res = await graph.request<OnlineMeeting>({
        method: 'PATCH',
        path: `${root(actor)}/${seg(meetingId)}`,
        body: update,
        auth: auth(actor),
        context: ctx,
      });
      return required(res.body, `update meeting ${meetingId}`);
    },
    async deleteMeeting(actor, meetingId, ctx) {
      await graph.request<undefined>({
        method: 'DELETE',
        path: `${root(actor)}/${seg(meetingId)}`,
        auth: auth(actor),
        context: ctx,
      });
    },
  };
}

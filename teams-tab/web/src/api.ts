// Every call the tab makes to its backend (/api/tab/*), typed. The token comes from the host (Teams SSO).
import type {
  Attendance,
  Call,
  ErrorBody,
  History,
  Me,
  Meeting,
  MeetingView,
  Person,
  Presence,
  Prompt,
  QueueBoard,
  TeamMember,
} from './types';

/** A failed request, with the API's code, message and consent hint. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
  /** True when the user can fix it by signing in again or consenting. */
  get needsConsent(): boolean {
    return this.body.consent?.required === true;
  }
}

export type TokenSource = () => Promise<string>;

/** Meeting coordinates from the teams-js context. */
export interface MeetingRef {
  chatId?: string;
  meetingId?: string;
}

/** The tab API client; `base` is the app's origin ('' for the page's own). */
export function createApi(token: TokenSource, base = '', fetchFn: typeof fetch = (...a) => fetch(...a)) {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let bearer: string;
    try {
      bearer = await token();
    } catch (err) {
      throw tokenFailure(err);
    }
    const res = await fetchFn(`${base}/api/tab${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 204) return undefined as T;
    const parsed = (await res.json().catch(() => undefined)) as { error?: ErrorBody } | undefined;
    if (!res.ok) {
      throw new ApiError(
        res.status,
        parsed?.error ?? { code: 'http_' + res.status, message: `The server answered ${res.status}.` },
      );
    }
    return parsed as T;
  }
  const q = (params: Record<string, string | undefined>): string => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) s.set(k, v);
    const text = s.toString();
    return text ? `?${text}` : '';
  };

  return {
    me: () => request<Me>('GET', '/me'),
    people: (search: string) =>
      request<{ people: Person[] }>('GET', `/people${q({ search })}`).then((r) => r.people),
    presence: (ids: string[]) =>
      request<{ presences: Presence[] }>('GET', `/presence${q({ ids: ids.join(',') })}`).then(
        (r) => r.presences,
      ),
    teamMembers: (groupId: string) =>
      request<{ groupId: string; members: TeamMember[]; more?: boolean }>(
        'GET',
        `/teams/${enc(groupId)}/members`,
      ),
    eventsTicket: (ids: string[]) =>
      request<{ ticket: string; url: string; expiresInSeconds: number }>('POST', '/events/ticket', { ids }),
    call: (targets: string[], subject?: string) =>
      request<{ call: Call }>('POST', '/calls', { targets, subject }).then((r) => r.call),
    connect: (first: string, second: string) =>
      request<{ call: Call }>('POST', '/calls/connect', { first, second }).then((r) => r.call),
    calls: (all = false) =>
      request<{ calls: Call[] }>('GET', `/calls${all ? '?all=1' : ''}`).then((r) => r.calls),
    hangUp: (callId: string) => request<void>('POST', `/calls/${enc(callId)}/hangup`),
    invite: (callId: string, targets: string[]) =>
      request<{ operationId: string }>('POST', `/calls/${enc(callId)}/participants`, { targets }),
    mute: (callId: string, participantId: string) =>
      request<{ operationId: string }>(
        'POST',
        `/calls/${enc(callId)}/participants/${enc(participantId)}/mute`,
      ),
    removeParticipant: (callId: string, participantId: string) =>
      request<void>('DELETE', `/calls/${enc(callId)}/participants/${enc(participantId)}`),
    announce: (callId: string, prompt: string) =>
      request<{ operationId: string }>('POST', `/calls/${enc(callId)}/announce`, { prompt }),
    prompts: () => request<{ prompts: Prompt[] }>('GET', '/prompts').then((r) => r.prompts),
    history: (days = 14) => request<History>('GET', `/history?days=${days}`),
    queues: () => request<{ queues: QueueBoard[] }>('GET', '/queues').then((r) => r.queues),
    createMeeting: (m: {
      subject: string;
      startDateTime: string;
      endDateTime: string;
      attendees: string[];
      botJoins?: boolean;
    }) => request<{ meeting: Meeting; call?: Call }>('POST', '/meetings', m),
    meeting: (ref: MeetingRef & { joinWebUrl?: string }) =>
      request<MeetingView>('GET', `/meeting${q({ ...ref })}`),
    joinMeeting: (ref: MeetingRef & { joinWebUrl?: string }) =>
      request<{ call: Call }>('POST', '/meeting/join', ref).then((r) => r.call),
    leaveMeeting: (ref: MeetingRef) => request<void>('POST', '/meeting/leave', ref),
    myMeetings: () => request<{ meetings: Meeting[] }>('GET', '/meetings').then((r) => r.meetings),
    moveMeeting: (id: string, to: { startDateTime: string; endDateTime: string }) =>
      request<{ meeting: Meeting }>('PATCH', `/meetings/${enc(id)}`, to).then((r) => r.meeting),
    cancelMeeting: (id: string) =>
      request<{ meeting: Meeting }>('DELETE', `/meetings/${enc(id)}`).then((r) => r.meeting),
    meetingAttendance: (id: string) =>
      request<{ meeting: Meeting; attendance: Attendance | null }>('GET', `/meetings/${enc(id)}/attendance`),
  };
}

export type Api = ReturnType<typeof createApi>;

const enc = encodeURIComponent;

/** getAuthToken failures become the same consent-shaped error the API sends. */
export function tokenFailure(err: unknown): ApiError {
  const detail = err instanceof Error ? err.message : String(err);
  return new ApiError(401, {
    code: 'consent_required',
    reason: 'token',
    message: `Teams could not sign you in to Switchboard (${detail}). Select "Sign in" to try again; Teams may ask for your consent.`,
    consent: { required: true, buttonLabel: 'Sign in' },
  });
}

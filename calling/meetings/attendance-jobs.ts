// When a meeting's attendance is read: a job per meeting (key `meeting-attendance:<id>`), due a few
// minutes after its scheduled end and again at once when a call of Switchboard's in it ends. Graph
// publishes a report some minutes after the last person leaves, so a check that finds none is tried
// again later (2, 4, 8 ... at most 60 minutes apart) for a day. Jobs are claimed once across instances.
import type { ClaimedJob, Jobs, MeetingAttendance, MeetingRecords, StoredMeeting } from '../storage';
import { CallingError, isCallingError } from '../errors';
import type { MeetingsLogger } from './types';

export const ATTENDANCE_JOB = 'calling.meetings.attendance';
/** How long after its scheduled end a meeting's attendance is first read. */
export const FIRST_CHECK_MS = 5 * 60_000;
/** How long after the end (or the call that ended) reports are still looked for. */
export const GIVE_UP_AFTER_MS = 24 * 3600_000;

interface Payload {
  readonly id: string;
  /** How many reports were known when the check was asked for: it is done once there are more. */
  readonly seen: number;
  readonly until: number;
}

/** What the jobs need from the service. */
export interface AttendanceJobsContext {
  readonly jobs: Jobs;
  readonly owner: string;
  readonly records: MeetingRecords;
  readonly logger: MeetingsLogger;
  readonly now: () => number;
  /** Reads the reports as the app for the organizer; undefined when there is none yet. */
  read(m: StoredMeeting): Promise<MeetingAttendance | undefined>;
  /** Keeps the summary and tells listeners when it changed. */
  keep(m: StoredMeeting, a: MeetingAttendance): Promise<void>;
}

const keyOf = (id: string) => `meeting-attendance:${id}`;

function payloadOf(job: ClaimedJob): Payload | undefined {
  const p = job.payload as Partial<Payload> | null;
  return typeof p?.id === 'string' && typeof p.seen === 'number' && typeof p.until === 'number'
    ? { id: p.id, seen: p.seen, until: p.until }
    : undefined;
}

/** Why the app may not read the reports, in words for the people who see the meeting card. */
export function attendanceProblem(err: CallingError, m: StoredMeeting): string | undefined {
  if (err.code === 'graph_access_policy_missing')
    return `Switchboard may not read ${m.organizerName}'s meetings: a Teams admin must grant it an application access policy (Grant-CsApplicationAccessPolicy).`;
  if (err.code === 'graph_permission_missing')
    return 'Switchboard may not read attendance reports: an admin must grant it the Graph permission OnlineMeetingArtifact.Read.All and admin consent.';
  return undefined;
}

/** The attendance jobs: scheduling, cancelling and running one. */
export function createAttendanceJobs(c: AttendanceJobsContext) {
  async function schedule(m: StoredMeeting, dueAt: number, from: number): Promise<void> {
    const payload: Payload = { id: m.id, seen: m.attendance?.reports ?? 0, until: from + GIVE_UP_AFTER_MS };
    await c.jobs.schedule({ kind: ATTENDANCE_JOB, key: keyOf(m.id), dueAt, payload });
  }

  async function done(job: ClaimedJob): Promise<void> {
    await c.jobs.complete(job.id, c.owner);
  }

  async function run(job: ClaimedJob): Promise<void> {
    const p = payloadOf(job);
    const m = p && (await c.records.get(p.id));
    if (!p || !m || m.status === 'cancelled') return done(job);
    let found: MeetingAttendance | undefined;
    try {
      found = await c.read(m);
    } catch (err) {
      const problem = err instanceof CallingError ? attendanceProblem(err, m) : undefined;
      if (problem) {
        c.logger.warn({ err, meetingId: m.id }, 'attendance reports cannot be read; not trying again');
        await c.keep(m, { checkedAt: c.now(), reports: 0, people: [], problem });
        return done(job);
      }
      if (isCallingError(err, 'graph_not_found') || c.now() > p.until) {
        c.logger.warn({ err, meetingId: m.id }, 'giving up on the attendance of a meeting');
        return done(job);
      }
      throw err;
    }
    if (found) await c.keep(m, found);
    if ((found?.reports ?? 0) > p.seen) return done(job);
    if (c.now() > p.until) {
      c.logger.info({ meetingId: m.id }, 'no attendance report appeared for the meeting');
      return done(job);
    }
    const wait = Math.min(60 * 60_000, 2 * 60_000 * 2 ** job.attempts);
    await c.jobs.retry(job.id, c.owner, c.now() + wait, 'no new attendance report yet');
  }

  return {
    /** The check after the meeting's scheduled end. */
    afterEnd: (m: StoredMeeting) => schedule(m, m.endAt + FIRST_CHECK_MS, m.endAt),
    /** A check now (a call in the meeting ended). */
    now: (m: StoredMeeting) => schedule(m, c.now(), Math.max(c.now(), m.endAt)),
    cancel: async (id: string) => {
      await c.jobs.cancel({ key: keyOf(id) });
    },
    run,
  };
}

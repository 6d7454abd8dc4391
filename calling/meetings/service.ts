// Switchboard's meetings: the one record of each meeting it created (shared by the bot and the tab),
// moving and cancelling one for its organizer through Graph (as the app under the application access
// policy, or on-behalf-of the tab's user), and who attended once it has ended. Every change is announced
// to listeners in this instance (the bot edits the meeting's card); the attendance jobs run on any one.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { MeetingAttendanceReport } from '@microsoft/microsoft-graph-types';
import { CallingError, isCallingError } from '../errors';
import type { MeetingActor } from '../graph';
import { createJobPoller, type MeetingAttendance, type StoredMeeting } from '../storage';
import { summariseAttendance } from './attendance';
import { ATTENDANCE_JOB, createAttendanceJobs } from './attendance-jobs';
import { known, recordOf, requireOrganizer, requireScheduled } from './record';
import type { MeetingEvent, MeetingRequester, MeetingService, MeetingServiceOptions } from './types';

/** How many of a meeting's reports (newest first) are read and summed. */
const MAX_REPORTS = 10;

function actorFor(m: StoredMeeting, by?: MeetingRequester): MeetingActor {
  return by?.assertion
    ? { kind: 'user', userAssertion: by.assertion }
    : { kind: 'app', organizerId: m.organizerId };
}

const sameAttendance = (a: MeetingAttendance | undefined, b: MeetingAttendance) =>
  a !== undefined && JSON.stringify({ ...a, checkedAt: 0 }) === JSON.stringify({ ...b, checkedAt: 0 });

/** Builds the meetings service over the store and Graph. */
export function createMeetingService(o: MeetingServiceOptions): MeetingService {
  const now = o.now ?? Date.now;
  const records = o.store.meetings;
  const listeners = new Set<(e: MeetingEvent) => void>();
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;

  function emit(kind: MeetingEvent['kind'], meeting: StoredMeeting): void {
    for (const l of listeners) {
      try {
        l({ kind, meeting });
      } catch (err) {
        o.logger.warn({ err, meetingId: meeting.id, kind }, 'a meeting listener failed');
      }
    }
  }

  const ctxOf = (m: StoredMeeting, by?: MeetingRequester) => {
    const tenantId = by?.tenantId ?? m.tenantId;
    return tenantId ? { tenantId } : {};
  };

  async function read(m: StoredMeeting, by?: MeetingRequester): Promise<MeetingAttendance | undefined> {
    const actor = actorFor(m, by);
    const ctx = ctxOf(m, by);
    const list = await o.graph.listAttendanceReports(actor, m.id, ctx);
    if (list.length === 0) return undefined;
    const reports: MeetingAttendanceReport[] = [];
    for (const r of list.slice(0, MAX_REPORTS))
      if (r.id) reports.push(await o.graph.getAttendanceReport(actor, m.id, r.id, ctx));
    return summariseAttendance(reports, now());
  }

  async function keep(m: StoredMeeting, a: MeetingAttendance): Promise<StoredMeeting> {
    if (sameAttendance(m.attendance, a)) return m;
    const updated = known(await records.setAttendance(m.id, a), m.id);
    emit('attendance', updated);
    return updated;
  }

  const jobs = createAttendanceJobs({
    jobs: o.store.jobs,
    owner,
    records,
    logger: o.logger,
    now,
    read: (m) => read(m),
    keep: async (m, a) => {
      await keep(m, a);
    },
  });
  const poller = createJobPoller({
    jobs: o.store.jobs,
    owner,
    kinds: [ATTENDANCE_JOB],
    pollMs: o.pollMs ?? 5000,
    now,
    run: jobs.run,
    retryAt: (job) => now() + Math.min(30 * 60_000, 30_000 * 2 ** job.attempts),
    onError: (err, job) =>
      o.logger.warn(
        { err, jobId: job?.id },
        job ? 'attendance check failed; retrying later' : 'claiming attendance checks failed',
      ),
  });
  let started = false;
  const kick = () => {
    if (started) poller.tick().catch((err: unknown) => o.logger.warn({ err }, 'attendance checks failed'));
  };
  let unsubscribeCalls: (() => void) | undefined;

  const service: MeetingService = {
    async remember(n) {
      const m = recordOf(n, now());
      await records.put(m);
      await jobs.afterEnd(m);
      emit('created', m);
      return m;
    },
    get: (id) => records.get(id),
    byThread: (threadId) => records.byThread(threadId),
    inConversation: (conversationId, limit) => records.inConversation(conversationId, limit),
    byOrganizer: (organizerId, limit) => records.byOrganizer(organizerId, limit),

    async move(id, to, by) {
      const m = known(await records.get(id), id);
      requireOrganizer(m, by, 'move or cancel it');
      requireScheduled(m);
      if (!(to.endAt > to.startAt))
        throw new CallingError('invalid_request', 'The meeting must end after it starts.');
      if (to.startAt < now() - 60_000)
        throw new CallingError(
          'invalid_request',
          'That time has already passed; choose a time in the future.',
        );
      const answer = await o.graph.updateMeeting(
        actorFor(m, by),
        m.id,
        {
          ...(to.subject ? { subject: to.subject } : {}),
          startDateTime: new Date(to.startAt).toISOString(),
          endDateTime: new Date(to.endAt).toISOString(),
        },
        ctxOf(m, by),
      );
      const startAt = Date.parse(answer.startDateTime ?? '') || to.startAt;
      const endAt = Date.parse(answer.endDateTime ?? '') || to.endAt;
      const subject = answer.subject ?? to.subject ?? m.subject;
      const change = { kind: 'moved' as const, by: by.name, at: now() };
      const moved = known(await records.reschedule(m.id, { subject, startAt, endAt }, change), id);
      await jobs.afterEnd(moved);
      emit('moved', moved);
      return moved;
    },

    async cancel(id, by) {
      const m = known(await records.get(id), id);
      requireOrganizer(m, by, 'move or cancel it');
      requireScheduled(m);
      try {
        await o.graph.deleteMeeting(actorFor(m, by), m.id, ctxOf(m, by));
      } catch (err) {
        // Deleted in Teams already: what the organizer asked for is done.
        if (!isCallingError(err, 'graph_not_found')) throw err;
        o.logger.info({ meetingId: m.id }, 'the meeting was already gone from Teams');
      }
      await jobs.cancel(m.id);
      const cancelled = known(await records.cancel(m.id, { kind: 'cancelled', by: by.name, at: now() }), id);
      emit('cancelled', cancelled);
      return cancelled;
    },

    async readAttendance(id, by) {
      const m = known(await records.get(id), id);
      if (by) requireOrganizer(m, by, 'read its attendance report');
      const found = await read(m, by);
      return found ? keep(m, found) : m;
    },

    async callEnded(threadId) {
      const m = await records.byThread(threadId);
      if (!m || m.status === 'cancelled') return;
      await jobs.now(m);
      kick();
    },

    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (started) return;
      started = true;
      unsubscribeCalls = o.calls?.on('terminated', ({ call }) => {
        const chat = call.resource['chatInfo'] as { threadId?: unknown } | undefined;
        const threadId = typeof chat?.threadId === 'string' ? chat.threadId : undefined;
        if (threadId)
          service
            .callEnded(threadId)
            .catch((err: unknown) => o.logger.warn({ err, threadId }, 'could not plan an attendance check'));
      });
      poller.start();
    },
    async stop() {
      started = false;
      unsubscribeCalls?.();
      await poller.stop();
    },
    tick: () => poller.tick(),
  };
  return service;
}

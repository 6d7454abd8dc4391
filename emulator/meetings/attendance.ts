// Who was in each online meeting and when, on the emulator's clock, fed by the call engine's changes.
// A person is in a meeting while they are in the roster of a live call of that meeting (the person who
// invited an app in, people invited or already there when the app joined); an app while its call of the
// meeting is connected (established, on hold or transferring). A meeting occurrence starts when the
// first of them arrives and ends when the last leaves; each ended occurrence is one attendance report
// (Graph generates a report "each time an online meeting ends"). The emulator publishes it at once,
// where the service takes a few minutes: a test has nothing to wait for.
import { randomUUID } from 'node:crypto';
import type { CallRec } from '../graph';

/** A participant of a meeting: a person (by object id) or an app (by app id). */
export interface Attendee {
  kind: 'user' | 'app';
  id: string;
  intervals: { joinedAt: number; leftAt?: number }[];
}

/** One occurrence of a meeting, from its first arrival to its last departure. */
export interface Occurrence {
  /** The attendance report's id. */
  id: string;
  startedAt: number;
  endedAt?: number;
  attendees: Map<string, Attendee>;
}

const CONNECTED = new Set(['established', 'hold', 'transferring', 'transferAccepted']);

/** Attendance of every meeting: the occurrence in progress, and the ended ones (the reports). */
export class AttendanceTracker {
  private readonly live = new Map<string, Occurrence>();
  private readonly ended = new Map<string, Occurrence[]>();

  constructor(
    private readonly deps: {
      now: () => number;
      /** Every call the engine knows (live and recently ended). */
      calls: () => Iterable<CallRec>;
      /** True while a meeting with this id exists (a deleted meeting gets no more attendance). */
      exists: (meetingId: string) => boolean;
    },
  ) {}

  /** Looks at the meeting of a call that changed. */
  callChanged(call: CallRec): void {
    if (call.meetingId !== undefined && this.deps.exists(call.meetingId)) this.update(call.meetingId);
  }

  /** The occurrence in progress, if any. */
  current(meetingId: string): Occurrence | undefined {
    return this.live.get(meetingId);
  }

  /** The meeting's ended occurrences, newest first. */
  reports(meetingId: string): Occurrence[] {
    return [...(this.ended.get(meetingId) ?? [])].reverse();
  }

  /** Drops what is known about a meeting (it was deleted). */
  forget(meetingId: string): void {
    this.live.delete(meetingId);
    this.ended.delete(meetingId);
  }

  /** Drops everything (control API reset). */
  reset(): void {
    this.live.clear();
    this.ended.clear();
  }

  /** Who is in the meeting now, by key (`user:{id}`, `app:{id}`). */
  private present(meetingId: string): Map<string, Omit<Attendee, 'intervals'>> {
    const here = new Map<string, Omit<Attendee, 'intervals'>>();
    for (const call of this.deps.calls()) {
      if (call.meetingId !== meetingId || call.state === 'terminated') continue;
      if (CONNECTED.has(call.state))
        here.set(`app:${call.appId.toLowerCase()}`, { kind: 'app', id: call.appId });
      for (const p of call.participants.values())
        if (!p.isBot && p.personId)
          here.set(`user:${p.personId.toLowerCase()}`, { kind: 'user', id: p.personId });
    }
    return here;
  }

  private update(meetingId: string): void {
    const now = this.deps.now();
    const here = this.present(meetingId);
    let occurrence = this.live.get(meetingId);
    if (!occurrence) {
      if (here.size === 0) return;
      occurrence = { id: randomUUID(), startedAt: now, attendees: new Map() };
      this.live.set(meetingId, occurrence);
    }
    for (const [key, who] of here) {
      const attendee = occurrence.attendees.get(key) ?? { ...who, intervals: [] };
      occurrence.attendees.set(key, attendee);
      const last = attendee.intervals.at(-1);
      if (!last || last.leftAt !== undefined) attendee.intervals.push({ joinedAt: now });
    }
    for (const [key, attendee] of occurrence.attendees) {
      const last = attendee.intervals.at(-1);
      if (last && last.leftAt === undefined && !here.has(key)) last.leftAt = now;
    }
    if (here.size > 0) return;
    occurrence.endedAt = now;
    this.live.delete(meetingId);
    this.ended.set(meetingId, [...(this.ended.get(meetingId) ?? []), occurrence]);
  }
}

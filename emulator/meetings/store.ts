// The tenant's online meetings: the seeded ones and those created through Graph. A created meeting is
// registered in the directory's meeting list, where the call engine looks meetings up, so joining it
// with organizerMeetingInfo + chatInfo or joinMeetingIdMeetingInfo works like joining a seeded one.
// What only Graph shows (times, externalId, attendees, options) is kept here beside it.
import type { Clock } from '../clock';
import type { Directory, SeedMeeting } from '../people';
import { meetingGraphId } from './ids';

export type Json = Record<string, unknown>;

/** The onlineMeeting fields the call engine does not need. */
export interface MeetingDetails {
  creationDateTime: string;
  startDateTime: string;
  endDateTime: string;
  externalId?: string;
  /** The app that created it (createOrGet's externalId is looked up per organizer and app). */
  createdByAppId?: string;
  attendees: Json[];
  /** lobbyBypassSettings, allowedPresenters, isEntryExitAnnounced... as the create body gave them. */
  options: Json;
  isPasscodeRequired: boolean;
}

/** A meeting with its Graph id and details. */
export interface MeetingView {
  graphId: string;
  meeting: SeedMeeting;
  details: MeetingDetails;
}

const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** Seeded and created meetings, found by Graph id, thread, join meeting id or externalId. */
export class MeetingStore {
  private readonly details = new Map<string, MeetingDetails>();
  private readonly startedAt: number;

  constructor(
    private readonly directory: Directory,
    clock: Clock,
  ) {
    this.startedAt = Math.floor(clock.now() / 60_000) * 60_000;
  }

  /** Every meeting of the tenant. */
  all(): MeetingView[] {
    return this.directory.current().meetings.map((m) => this.view(m));
  }

  byGraphId(id: string): MeetingView | undefined {
    return this.all().find((v) => v.graphId === id);
  }

  byThread(threadId: string): MeetingView | undefined {
    const m = this.directory.meetingByThread(threadId);
    return m ? this.view(m) : undefined;
  }

  byJoinMeetingId(joinMeetingId: string): MeetingView | undefined {
    const m = this.directory.meetingByJoinId(joinMeetingId);
    return m ? this.view(m) : undefined;
  }

  byExternalId(organizerId: string, appId: string, externalId: string): MeetingView | undefined {
    return this.all().find(
      (v) =>
        v.details.externalId === externalId &&
        v.meeting.organizerId.toLowerCase() === organizerId.toLowerCase() &&
        (v.details.createdByAppId ?? '').toLowerCase() === appId.toLowerCase(),
    );
  }

  /** Registers a created meeting where the call engine finds meetings. */
  add(meeting: SeedMeeting, details: MeetingDetails): MeetingView {
    this.directory.current().meetings.push(meeting);
    this.details.set(meeting.threadId, details);
    return this.view(meeting);
  }

  /** Drops a meeting (seeded or created): it can no longer be read or joined. A reset brings seeded ones back. */
  remove(view: MeetingView): void {
    const meetings = this.directory.current().meetings;
    const index = meetings.indexOf(view.meeting);
    if (index >= 0) meetings.splice(index, 1);
    this.details.delete(view.meeting.threadId);
  }

  /** Forgets created meetings' details (the directory reset has dropped the meetings themselves). */
  reset(): void {
    this.details.clear();
  }

  private view(meeting: SeedMeeting): MeetingView {
    let details = this.details.get(meeting.threadId);
    if (!details) {
      // A seeded meeting: scheduled when the emulator started, for an hour, unless the seed says otherwise.
      const start =
        typeof meeting.startDateTime === 'string' ? Date.parse(meeting.startDateTime) : this.startedAt;
      const end = typeof meeting.endDateTime === 'string' ? Date.parse(meeting.endDateTime) : start + HOUR;
      details = {
        creationDateTime: iso(this.startedAt - HOUR),
        startDateTime: iso(start),
        endDateTime: iso(end),
        attendees: [],
        options: {},
        isPasscodeRequired: meeting.passcode !== undefined,
      };
      this.details.set(meeting.threadId, details);
    }
    return { graphId: meetingGraphId(meeting.organizerId, meeting.threadId), meeting, details };
  }
}

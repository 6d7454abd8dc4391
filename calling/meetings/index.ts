// Switchboard's meetings: the shared record of each meeting it created, moves and cancellations for the
// organizer, and who attended (see README.md).
export { createMeetingService } from './service';
export { summariseAttendance, UNNAMED_ATTENDEE } from './attendance';
export { ATTENDANCE_JOB, FIRST_CHECK_MS, GIVE_UP_AFTER_MS, attendanceProblem } from './attendance-jobs';
export { isOrganizer } from './record';
export type {
  MeetingCalls,
  MeetingEvent,
  MeetingEventKind,
  MeetingGraph,
  MeetingMove,
  MeetingRequester,
  MeetingService,
  MeetingServiceOptions,
  MeetingsLogger,
  NewMeeting,
} from './types';

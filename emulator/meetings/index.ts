// Online meetings: the seeded and created meetings (registered where the call engine joins them), their
// ids and join URLs, application access policies, who attended them, and the Graph onlineMeetings routes.
export { MeetingStore } from './store';
export type { MeetingDetails, MeetingView } from './store';
export { meetingRoutes } from './routes';
export type { MeetingRouteDeps } from './acting';
export { AttendanceTracker } from './attendance';
export type { Attendee, Occurrence } from './attendance';
export { recordsJson, reportJson } from './attendance-json';
export type { RecordContext } from './attendance-json';
export { meetingJson } from './meeting-json';
export { policyAllows } from './access-policy';
export {
  joinWebUrlOf,
  meetingGraphId,
  newJoinMeetingId,
  newPasscode,
  newThreadId,
  parseJoinWebUrl,
  parseMeetingGraphId,
} from './ids';
export type { ParsedJoinUrl } from './ids';
export { meetingTimes } from './times';

// A meeting's attendance reports and records (Graph: meetingAttendanceReport, attendanceRecord), read in
// the same two forms as the meeting itself: the app for the organizer under an application access
// policy, or the organizer on-behalf-of. Both need OnlineMeetingArtifact.Read.All; only the organizer may
// read them. Graph publishes a report some minutes after each occurrence of the meeting ends.
import type { AttendanceRecord, MeetingAttendanceReport } from '@microsoft/microsoft-graph-types';
import { CallingError } from '../errors';
import { meetingAuth, meetingsRoot, type MeetingActor } from './meetings-api';
import { seg } from './operation-result';
import type { GraphClient, GraphContext } from './types';

/** The attendance API. Every method throws CallingError on failure. */
export interface AttendanceApi {
  /** The meeting's reports, newest first, without their records. */
  listAttendanceReports(
    actor: MeetingActor,
    meetingId: string,
    ctx?: GraphContext,
  ): Promise<MeetingAttendanceReport[]>;
  /** One report with every attendance record (following Graph's pages of records). */
  getAttendanceReport(
    actor: MeetingActor,
    meetingId: string,
    reportId: string,
    ctx?: GraphContext,
  ): Promise<MeetingAttendanceReport>;
  /** A report's records alone. */
  listAttendanceRecords(
    actor: MeetingActor,
    meetingId: string,
    reportId: string,
    ctx?: GraphContext,
  ): Promise<AttendanceRecord[]>;
}

type ReportWire = MeetingAttendanceReport & { 'attendanceRecords@odata.nextLink'?: string };

/** The attendance API over `graph`. */
export function createAttendanceApi(graph: GraphClient): AttendanceApi {
  const reports = (actor: MeetingActor, meetingId: string) =>
    `${meetingsRoot(actor)}/${seg(meetingId)}/attendanceReports`;

  return {
    listAttendanceReports(actor, meetingId, ctx) {
      return graph.getAll<MeetingAttendanceReport>({
        path: reports(actor, meetingId),
        auth: meetingAuth(actor),
        context: ctx,
      });
    },
    async getAttendanceReport(actor, meetingId, reportId, ctx) {
      const res = await graph.request<ReportWire>({
        method: 'GET',
        path: `${reports(actor, meetingId)}/${seg(reportId)}`,
        query: { $expand: 'attendanceRecords' },
        auth: meetingAuth(actor),
        context: ctx,
      });
      const body = res.body;
      if (!body?.id)
        throw new CallingError('graph_error', `Graph returned no attendance report for ${reportId}.`);
      const { 'attendanceRecords@odata.nextLink': next, ...report } = body;
      // A large meeting pages its records; the report is only whole with all of them. A link to another
      // host is not followed, so the token never goes elsewhere.
      if (!next || new URL(next).origin !== new URL(graph.baseUrl).origin) return report;
      const rest = await graph.getAll<AttendanceRecord>({
        path: next,
        auth: meetingAuth(actor),
        context: ctx,
      });
      return { ...report, attendanceRecords: [...(report.attendanceRecords ?? []), ...rest] };
    },
    listAttendanceRecords(actor, meetingId, reportId, ctx) {
      return graph.getAll<AttendanceRecord>({
        path: `${reports(actor, meetingId)}/${seg(reportId)}/attendanceRecords`,
        auth: meetingAuth(actor),
        context: ctx,
      });
    },
  };
}

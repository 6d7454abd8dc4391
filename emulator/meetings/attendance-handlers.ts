// A meeting's attendance reports and records: GET .../onlineMeetings/{id}/attendanceReports,
// .../attendanceReports/{reportId} (records with $expand=attendanceRecords) and
// .../attendanceReports/{reportId}/attendanceRecords. The documented permission is
// OnlineMeetingArtifact.Read.All, as an application role (under an application access policy for the
// user in the path, as for the meeting itself) or as a delegated scope; the docs accept no other, and
// only the organizer may read the reports.
import type { Needs } from '../access';
import { GraphError } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { parseExpand, queryOption } from '../odata';
import { actingFor, meetingOf } from './acting';
import type { MeetingRouteDeps } from './acting';
import type { Occurrence } from './attendance';
import { recordsJson, reportJson } from './attendance-json';
import type { RecordContext } from './attendance-json';

const ARTIFACTS: Needs = {
  app: ['OnlineMeetingArtifact.Read.All'],
  delegated: ['OnlineMeetingArtifact.Read.All'],
};

interface Found {
  base: string;
  ctx: RecordContext;
  reports: Occurrence[];
}

/** The organizer's meeting named by the path, its reports and the context its records need. */
function reportsOf(deps: MeetingRouteDeps, ctx: RequestContext): Found {
  const { person, base } = actingFor(deps, ctx, ARTIFACTS);
  const view = meetingOf(deps, ctx, person, { organizer: 'read its attendance reports' });
  return {
    base: `${base}('${view.graphId}')/attendanceReports`,
    ctx: { view, person: (id) => deps.directory.person(id), app: (id) => deps.directory.app(id) },
    reports: deps.attendance.reports(view.meeting.id),
  };
}

function reportOf(found: Found, ctx: RequestContext): Occurrence {
  const id = ctx.params.reportId ?? '';
  const report = found.reports.find((r) => r.id.toLowerCase() === id.toLowerCase());
  if (!report)
    throw new GraphError(404, 'NotFound', `The attendance report '${id}' does not exist for this meeting.`);
  return report;
}

const expandsRecords = (deps: MeetingRouteDeps, ctx: RequestContext): boolean =>
  parseExpand(queryOption(ctx.query, '$expand'), deps.csdl, 'microsoft.graph.meetingAttendanceReport').some(
    (e) => e.name === 'attendanceRecords',
  );

/** GET .../attendanceReports: newest first; records empty unless expanded, as the documented answer shows. */
export function listReports(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const found = reportsOf(deps, ctx);
  const expand = expandsRecords(deps, ctx);
  const value = found.reports.map((r) => reportJson(r, expand ? recordsJson(r, found.ctx) : []));
  return { status: 200, body: { '@odata.context': found.base, value } };
}

/** GET .../attendanceReports/{reportId}: records only with $expand=attendanceRecords. */
export function getReport(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const found = reportsOf(deps, ctx);
  const report = reportOf(found, ctx);
  const records = expandsRecords(deps, ctx) ? recordsJson(report, found.ctx) : undefined;
  return {
    status: 200,
    body: { '@odata.context': `${found.base}('${report.id}')`, ...reportJson(report, records) },
  };
}

/** GET .../attendanceReports/{reportId}/attendanceRecords */
export function listRecords(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const found = reportsOf(deps, ctx);
  const report = reportOf(found, ctx);
  return {
    status: 200,
    body: {
      '@odata.context': `${found.base}('${report.id}')/attendanceRecords`,
      value: recordsJson(report, found.ctx),
    },
  };
}

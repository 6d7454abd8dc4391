// The online meeting routes under /v1.0, in the app form (/users/{id}/...) and the delegated form (/me/...).
import type { HttpResponse, RequestContext, Route } from '../http';
import type { MeetingRouteDeps } from './acting';
import { getReport, listRecords, listReports } from './attendance-handlers';
import { remove, update } from './change';
import { create, createOrGet, getById, list } from './handlers';

type Action = (deps: MeetingRouteDeps, ctx: RequestContext) => HttpResponse;

const REPORT = '/:meetingId/attendanceReports/:reportId';
const TABLE: [string, string, Action][] = [
  ['POST', '', create],
  ['GET', '', list],
  ['POST', '/createOrGet', createOrGet],
  ['GET', '/:meetingId', getById],
  ['PATCH', '/:meetingId', update],
  ['DELETE', '/:meetingId', remove],
  ['GET', '/:meetingId/attendanceReports', listReports],
  ['GET', REPORT, getReport],
  ['GET', `${REPORT}/attendanceRecords`, listRecords],
];

/** The onlineMeetings routes (paths include the /v1.0 prefix). */
export function meetingRoutes(deps: MeetingRouteDeps): Route[] {
  return ['/v1.0/users/:userId/onlineMeetings', '/v1.0/me/onlineMeetings'].flatMap((root) =>
    TABLE.map(([method, suffix, action]) => ({
      method,
      pattern: `${root}${suffix}`,
      handle: (ctx: RequestContext) => action(deps, ctx),
    })),
  );
}

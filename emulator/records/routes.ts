// The call-record routes under /v1.0.
import type { HttpResponse, RequestContext, Route } from '../http';
import type { RecordRouteDeps } from './handlers';
import { getRecord, listParticipants, listSessions } from './handlers';
import { listRecords } from './list-records';

type Action = (deps: RecordRouteDeps, ctx: RequestContext) => HttpResponse;

const TABLE: [string, string, Action][] = [
  ['GET', '/v1.0/communications/callRecords', listRecords],
  ['GET', '/v1.0/communications/callRecords/:recordId/participants_v2', listParticipants],
  ['GET', '/v1.0/communications/callRecords/:recordId', getRecord],
  ['GET', '/v1.0/communications/callRecords/:recordId/sessions', listSessions],
];

/** The callRecords routes (paths include the /v1.0 prefix). */
export function recordRoutes(deps: RecordRouteDeps): Route[] {
  return TABLE.map(([method, pattern, action]) => ({ method, pattern, handle: (ctx) => action(deps, ctx) }));
}

// GET /communications/callRecords/{id} (with $expand=sessions or sessions($expand=segments), and
// participants_v2; organizer_v2 is always there) and GET /communications/callRecords/{id}/sessions
// (with $expand=segments). Application permission CallRecords.Read.All only; 404 until the record has
// appeared. The list (GET /communications/callRecords) is in list-records.ts.
import { actorOf, requirePermission } from '../access';
import type { Needs } from '../access';
import type { CsdlModel } from '../csdl';
import { GraphError } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { parseExpand, queryOption } from '../odata';
import type { ExpandItem } from '../odata';
import type { CallRecordRec, RecordSession } from './build-record';
import type { RecordStore } from './record-store';

export interface RecordRouteDeps {
  records: RecordStore;
  csdl: CsdlModel;
  publicBase: () => string;
}

const READ: Needs = { app: ['CallRecords.Read.All'], delegated: [] };
const RECORD_TYPE = 'microsoft.graph.callRecords.callRecord';
const SESSION_TYPE = 'microsoft.graph.callRecords.session';
// organizer_v2 is auto-expanded, so naming it changes nothing.
const EXPANDABLE = new Set(['sessions', 'participants_v2', 'organizer_v2']);

/** Checks the caller may read call records (CallRecords.Read.All, application only). */
export function requireRecordsRead(ctx: RequestContext): void {
  requirePermission(actorOf(ctx), READ, 'teams');
}

function recordOf(deps: RecordRouteDeps, ctx: RequestContext): CallRecordRec {
  requirePermission(actorOf(ctx), READ, 'teams');
  const id = ctx.params.recordId ?? '';
  const rec = deps.records.get(id);
  if (!rec) throw new GraphError(404, 'NotFound', `The call record '${id}' was not found.`);
  return rec;
}

function sessionJson(s: RecordSession, withSegments: boolean, base: string): Record<string, unknown> {
  const { segments, ...rest } = s;
  if (!withSegments) return rest;
  return { ...rest, 'segments@odata.context': `${base}/segments`, segments };
}

/** GET /communications/callRecords/{id} */
export function getRecord(deps: RecordRouteDeps, ctx: RequestContext): HttpResponse {
  const rec = recordOf(deps, ctx);
  const expand = parseExpand(queryOption(ctx.query, '$expand'), deps.csdl, RECORD_TYPE);
  const sessions: ExpandItem | undefined = expand.find((e) => e.name === 'sessions');
  const participants = expand.some((e) => e.name === 'participants_v2');
  const other = expand.find((e) => !EXPANDABLE.has(e.name));
  if (other)
    throw new GraphError(400, 'BadRequest', `Expanding '${other.name}' is not supported on call records.`);
  const segments = sessions?.expand.some((e) => e.name === 'segments') ?? false;
  const base = `${deps.publicBase()}/v1.0/$metadata#communications/callRecords`;
  const parts = [
    ...(sessions ? [`sessions(${segments ? 'segments()' : ''})`] : []),
    ...(participants ? ['participants_v2()'] : []),
  ];
  const shape = parts.length ? `(${parts.join(',')})` : '';
  const body: Record<string, unknown> = { '@odata.context': `${base}${shape}/$entity`, ...rec.record };
  if (sessions) {
    const sessionsBase = `${base}('${String(rec.record.id)}')/sessions`;
    body['sessions@odata.context'] = sessionsBase;
    body.sessions = rec.sessions.map((s) => sessionJson(s, segments, `${sessionsBase}('${s.id}')`));
  }
  if (participants) {
    body['participants_v2@odata.context'] = `${base}('${String(rec.record.id)}')/participants_v2`;
    body.participants_v2 = rec.participantsV2;
  }
  return { status: 200, body };
}

/** GET /communications/callRecords/{id}/sessions */
export function listSessions(deps: RecordRouteDeps, ctx: RequestContext): HttpResponse {
  const rec = recordOf(deps, ctx);
  const expand = parseExpand(queryOption(ctx.query, '$expand'), deps.csdl, SESSION_TYPE);
  const segments = expand.some((e) => e.name === 'segments');
  const base = `${deps.publicBase()}/v1.0/$metadata#communications/callRecords('${String(rec.record.id)}')/sessions`;
  return {
    status: 200,
    body: {
      '@odata.context': segments ? `${base}(segments())` : base,
      value: rec.sessions.map((s) => sessionJson(s, segments, `${base}('${s.id}')`)),
    },
  };
}

/** GET /communications/callRecords/{id}/participants_v2 */
export function listParticipants(deps: RecordRouteDeps, ctx: RequestContext): HttpResponse {
  const rec = recordOf(deps, ctx);
  return {
    status: 200,
    body: {
      '@odata.context': `${deps.publicBase()}/v1.0/$metadata#communications/callRecords('${String(rec.record.id)}')/participants_v2`,
      value: rec.participantsV2,
    },
  };
}

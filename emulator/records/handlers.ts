// GET /communications/callRecords/{id} (with $expand=sessions or sessions($expand=segments)) and
// GET /communications/callRecords/{id}/sessions (with $expand=segments). Application permission
// CallRecords.Read.All only; 404 until the record has appeared.
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
  const other = expand.find((e) => e.name !== 'sessions');
  if (other)
    throw new GraphError(400, 'BadRequest', `Expanding '${other.name}' is not supported on call records.`);
  const segments = sessions?.expand.some((e) => e.name === 'segments') ?? false;
  const base = `${deps.publicBase()}/v1.0/$metadata#communications/callRecords`;
  const shape = sessions ? `(sessions(${segments ? 'segments()' : ''}))` : '';
  const body: Record<string, unknown> = { '@odata.context': `${base}${shape}/$entity`, ...rec.record };
  if (sessions) {
    const sessionsBase = `${base}('${String(rec.record.id)}')/sessions`;
    body['sessions@odata.context'] = sessionsBase;
    body.sessions = rec.sessions.map((s) => sessionJson(s, segments, `${sessionsBase}('${s.id}')`));
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

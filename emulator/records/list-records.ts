// GET /communications/callRecords (v1.0 "List callRecords"): the records Graph still keeps (30 days),
// optionally filtered ($filter on startDateTime and participants_v2 ids) and $select-ed, oldest first,
// in pages with @odata.nextLink. Listed records carry no relationships (sessions, participants_v2);
// organizer_v2 is auto-expanded, so it stays. Application permission CallRecords.Read.All only.
import { GraphError } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { applySelect, parseSelect, queryOption } from '../odata';
import type { RecordRouteDeps } from './handlers';
import { requireRecordsRead } from './handlers';
import { recordFilter } from './list-filter';

const RECORD_TYPE = 'microsoft.graph.callRecords.callRecord';
/** Records per page unless `Prefer: odata.maxpagesize` asks for fewer. */
export const LIST_PAGE_SIZE = 60;

function pageSize(ctx: RequestContext): number {
  const prefer = String(ctx.headers.prefer ?? '');
  const m = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer);
  const asked = m ? Number(m[1]) : LIST_PAGE_SIZE;
  return Math.max(1, Math.min(LIST_PAGE_SIZE, asked));
}

function offsetOf(token: string | null): number {
  if (token === null) return 0;
  const n = Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(n) || n < 0)
    throw new GraphError(400, 'BadRequest', `The $skiptoken '${token}' is not valid.`);
  return n;
}

/** GET /communications/callRecords */
export function listRecords(deps: RecordRouteDeps, ctx: RequestContext): HttpResponse {
  requireRecordsRead(ctx);
  const filterText = queryOption(ctx.query, '$filter');
  const keep = recordFilter(filterText);
  const select = parseSelect(queryOption(ctx.query, '$select'), deps.csdl, RECORD_TYPE);
  const all = deps.records.retained().filter(keep);
  const from = offsetOf(queryOption(ctx.query, '$skiptoken'));
  const size = pageSize(ctx);
  const page = all.slice(from, from + size);
  const body: Record<string, unknown> = {
    '@odata.context': `${deps.publicBase()}/v1.0/$metadata#communications/callRecords`,
    value: page.map((r) => applySelect({ ...r.record }, select)),
  };
  if (from + size < all.length) {
    const next = new URLSearchParams();
    if (filterText !== null) next.set('$filter', filterText);
    const rawSelect = queryOption(ctx.query, '$select');
    if (rawSelect !== null) next.set('$select', rawSelect);
    next.set('$skiptoken', Buffer.from(String(from + size)).toString('base64url'));
    body['@odata.nextLink'] = `${deps.publicBase()}/v1.0/communications/callRecords?${next.toString()}`;
  }
  return { status: 200, body };
}

// The callRecords reads (SPEC §8), app-only (CallRecords.Read.All; delegated is not supported): one record
// with its participants, and the records that started since a time. Listed records carry no
// participants_v2 (a relationship), so whoever lists them fetches each one it wants to keep.
import type { GraphClient } from '../graph';

type Json = Record<string, unknown>;

/** The two reads the call-record service makes. */
export interface CallRecordsApi {
  /** The record with participants_v2 expanded (every page of it). */
  getRecord(id: string): Promise<Json>;
  /** Id and version of every record that started at or after `fromMs`. */
  listSince(fromMs: number): Promise<Array<{ id: string; version: unknown }>>;
}

const APP = { kind: 'app' } as const;
// A busy tenant lists many pages; the cap keeps one reconcile bounded (Graph throttles per app).
const MAX_LIST_PAGES = 200;

/** The call-record reads over `graph`. */
export function createCallRecordsApi(graph: GraphClient): CallRecordsApi {
  return {
    async getRecord(id) {
      const res = await graph.request<Json>({
        method: 'GET',
        path: `/communications/callRecords/${encodeURIComponent(id)}`,
        query: { $expand: 'participants_v2' },
        auth: APP,
      });
      const body: Json = { ...(res.body ?? {}) };
      // A meeting with many people pages its participants; the record is only whole with all of them.
      const next = body['participants_v2@odata.nextLink'];
      if (typeof next === 'string' && Array.isArray(body['participants_v2'])) {
        const rest = await graph.getAll<unknown>({ path: next, auth: APP });
        body['participants_v2'] = [...(body['participants_v2'] as unknown[]), ...rest];
      }
      return body;
    },

    async listSince(fromMs) {
      const rows = await graph.getAll<Json>(
        {
          path: '/communications/callRecords',
          query: { $filter: `startDateTime ge ${new Date(fromMs).toISOString()}` },
          auth: APP,
        },
        MAX_LIST_PAGES,
      );
      return rows
        .filter((r) => typeof r['id'] === 'string')
        .map((r) => ({ id: r['id'] as string, version: r['version'] }));
    },
  };
}

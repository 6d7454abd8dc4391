// Filling the gaps the notifications left (the app was down, a notification was missed): list the
// records that started since the last pass (with a day of overlap, since a record appears only after
// its call ends, up to an hour later on Graph), and fetch those that are new or have a newer version.
import type { CallRecordSummaries, KeyValue } from '../storage';
import type { CallRecordsApi } from './records-api';
import { RECORDS_KV } from './subscription';

const DAY_MS = 24 * 3600_000;
/** Graph keeps call records for 30 days; listing further back finds nothing. */
export const GRAPH_RETENTION_MS = 30 * DAY_MS;
const WATERMARK_KEY = 'reconciled';

export interface ReconcileDeps {
  readonly api: Pick<CallRecordsApi, 'listSince'>;
  readonly summaries: Pick<CallRecordSummaries, 'versions'>;
  readonly kv: Pick<KeyValue, 'get' | 'put'>;
  readonly now: () => number;
  /** How far back the first pass looks. */
  readonly backfillMs: number;
  /** Fetches and stores one record; a failure is the caller's to retry. */
  readonly fetch: (id: string) => Promise<unknown>;
  readonly onFetchError: (id: string, err: unknown) => Promise<void>;
}

/** One pass; answers how many records were fetched. */
export async function reconcileRecords(d: ReconcileDeps): Promise<number> {
  const startedAt = d.now();
  const last = (await d.kv.get<{ at: number }>(RECORDS_KV, WATERMARK_KEY))?.value.at;
  const from = Math.max(
    startedAt - GRAPH_RETENTION_MS,
    last !== undefined ? last - DAY_MS : startedAt - d.backfillMs,
  );
  const listed = await d.api.listSince(from);
  const stored = await d.summaries.versions(listed.map((r) => r.id));
  let fetched = 0;
  for (const r of listed) {
    const known = stored.get(r.id.toLowerCase());
    const version = typeof r.version === 'number' ? r.version : Number(r.version);
    if (known !== undefined && Number.isFinite(version) && version <= known) continue;
    try {
      await d.fetch(r.id);
      fetched += 1;
    } catch (err) {
      await d.onFetchError(r.id, err);
    }
  }
  await d.kv.put(RECORDS_KV, WATERMARK_KEY, { at: startedAt });
  return fetched;
}

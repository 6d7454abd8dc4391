// The call-record jobs, each claimed by one instance: fetch one record, make or renew the
// subscription, reconcile. A job that throws is retried later by the poller (see service.ts).
import type { CallRecordSummaries, ClaimedJob, Jobs, KeyValue, RecordPutResult } from '../storage';
import { isCallingError } from '../errors';
import { reconcileRecords } from './reconcile';
import type { CallRecordsApi } from './records-api';
import { RENEW_LEAD_MS, type RecordSubscription } from './subscription';
import { summariseRecord } from './summarise';

export const RECORD_FETCH_JOB = 'calling.records.fetch';
export const RECORD_SUBSCRIPTION_JOB = 'calling.records.subscription';
export const RECORD_RECONCILE_JOB = 'calling.records.reconcile';
export const RECORD_JOB_KINDS = [RECORD_FETCH_JOB, RECORD_SUBSCRIPTION_JOB, RECORD_RECONCILE_JOB];
const DAY_MS = 24 * 3600_000;
// A record that still answers 404 after this many tries is gone (Graph keeps records 30 days).
const FETCH_TRIES = 5;

export type SubscriptionAction = 'ensure' | 'renew' | 'replace';

export interface RecordsLogger {
  debug(o: object, m?: string): void;
  info(o: object, m?: string): void;
  warn(o: object, m?: string): void;
}

/** What the jobs work with. */
export interface RecordJobsContext {
  readonly jobs: Jobs;
  readonly kv: Pick<KeyValue, 'get' | 'put'>;
  readonly owner: string;
  readonly api: CallRecordsApi;
  readonly summaries: CallRecordSummaries;
  /** Absent when PUBLIC_URL cannot receive notifications. */
  readonly subscription?: RecordSubscription;
  readonly logger: RecordsLogger;
  readonly now: () => number;
  readonly backfillDays: number;
  readonly retainDays: number;
  readonly pollRecordsMs: number;
}

/** The jobs over `c`: scheduling them and running a claimed one. */
export function createRecordJobs(c: RecordJobsContext) {
  const schedule = (kind: string, dueAt: number, payload: unknown, key = kind) =>
    c.jobs.schedule({ kind, key, dueAt, payload });

  async function refresh(id: string): Promise<RecordPutResult | 'unusable'> {
    const summary = summariseRecord(await c.api.getRecord(id));
    if (!summary) {
      c.logger.warn({ recordId: id }, 'call record without id, version or times; not kept');
      return 'unusable';
    }
    const result = await c.summaries.put(summary, c.now());
    c.logger.debug({ recordId: id, version: summary.version, result }, 'call record stored');
    return result;
  }

  const fetchLater = (id: string, dueAt = c.now()) =>
    schedule(RECORD_FETCH_JOB, dueAt, { id }, `callrecord:${id}`);

  async function runFetch(job: ClaimedJob): Promise<void> {
    const id = String((job.payload as { id?: unknown } | null)?.id ?? '');
    try {
      if (id) await refresh(id);
    } catch (err) {
      if (!isCallingError(err, 'graph_not_found') || job.attempts + 1 < FETCH_TRIES) throw err;
      c.logger.warn({ recordId: id }, 'Graph has no such call record (older than 30 days?); giving up');
    }
    await c.jobs.complete(job.id, c.owner);
  }

  async function runSubscription(job: ClaimedJob): Promise<void> {
    const sub = c.subscription;
    if (sub) {
      const action = (job.payload as { action?: SubscriptionAction } | null)?.action ?? 'ensure';
      const state = await (action === 'renew'
        ? sub.renew()
        : action === 'replace'
          ? sub.replace()
          : sub.ensure());
      // Same key: this replaces the claimed row, so the complete below finds nothing left.
      await schedule(RECORD_SUBSCRIPTION_JOB, state.expiresAt - RENEW_LEAD_MS, { action: 'ensure' });
    }
    await c.jobs.complete(job.id, c.owner);
  }

  async function runReconcile(job: ClaimedJob): Promise<void> {
    const fetched = await reconcileRecords({
      api: c.api,
      summaries: c.summaries,
      kv: c.kv,
      now: c.now,
      backfillMs: c.backfillDays * DAY_MS,
      fetch: refresh,
      onFetchError: async (id, err) => {
        c.logger.warn({ err, recordId: id }, 'reconcile could not fetch a call record; trying again later');
        await fetchLater(id, c.now() + 60_000);
      },
    });
    const purged = await c.summaries.purgeBefore(c.now() - c.retainDays * DAY_MS);
    c.logger.info({ fetched, purged }, 'call records reconciled');
    if (!c.subscription) await schedule(RECORD_RECONCILE_JOB, c.now() + c.pollRecordsMs, {});
    await c.jobs.complete(job.id, c.owner);
  }

  return {
    refresh,
    fetchLater,
    /** The subscription job, due now (or at `dueAt`). */
    subscription: (action: SubscriptionAction, dueAt = c.now()) =>
      schedule(RECORD_SUBSCRIPTION_JOB, dueAt, { action }),
    reconcile: (dueAt = c.now()) => schedule(RECORD_RECONCILE_JOB, dueAt, {}),
    run: (job: ClaimedJob): Promise<void> =>
      job.kind === RECORD_FETCH_JOB
        ? runFetch(job)
        : job.kind === RECORD_SUBSCRIPTION_JOB
          ? runSubscription(job)
          : runReconcile(job),
  };
}

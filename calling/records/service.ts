// Graph call records for the app: the call-record subscription kept alive, notifications turned into
// fetch jobs (acknowledged at once, fetched after), each record read app-only and kept as a summary
// (newer version wins), and a reconcile on start. All of it runs as claimed jobs, so with several
// instances each job runs once.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  createCallRecordSummaries,
  createJobPoller,
  type CallRecordSummaries,
  type ClaimedJob,
  type RecordPutResult,
  type Store,
} from '../../store';
import { isCallingError } from '../errors';
import type { GraphClient } from '../graph';
import { readRecordNotices, type LifecycleEvent } from './notifications';
import { reconcileRecords } from './reconcile';
import { createCallRecordsApi } from './records-api';
import { createRecordSubscription, RENEW_LEAD_MS } from './subscription';
import { summariseRecord } from './summarise';

export const RECORD_FETCH_JOB = 'calling.records.fetch';
export const RECORD_SUBSCRIPTION_JOB = 'calling.records.subscription';
export const RECORD_RECONCILE_JOB = 'calling.records.reconcile';
const KINDS = [RECORD_FETCH_JOB, RECORD_SUBSCRIPTION_JOB, RECORD_RECONCILE_JOB];
const DAY_MS = 24 * 3600_000;
// A record that still answers 404 after this many tries is gone (Graph keeps records 30 days).
const FETCH_TRIES = 5;

export interface RecordsLogger {
  debug(o: object, m?: string): void;
  info(o: object, m?: string): void;
  warn(o: object, m?: string): void;
}

export interface CallRecordsOptions {
  readonly store: Store;
  readonly graph: GraphClient;
  /** Where Graph posts notifications (PUBLIC_URL/api/notifications); without it nothing is subscribed. */
  readonly notificationUrl?: string;
  readonly logger: RecordsLogger;
  readonly now?: () => number;
  /** How often due jobs are claimed (default 2 s). */
  readonly pollMs?: number;
  /** How far back the first reconcile looks (default 14 days). */
  readonly backfillDays?: number;
  /** Summaries older than this are purged (default 90 days, the tab's longest range). */
  readonly retainDays?: number;
  /** Without a subscription, how often records are listed instead (default 15 min). */
  readonly pollRecordsMs?: number;
}

/** The call-record service. */
export interface CallRecordsService {
  readonly summaries: CallRecordSummaries;
  /** Schedules the subscription and the reconcile, then runs jobs (call once the app listens). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Takes a notification collection: answers how many call-record notifications were accepted. */
  accept(body: unknown): Promise<number>;
  /** Fetches one record and stores its summary. */
  refresh(id: string): Promise<RecordPutResult | 'unusable'>;
  /** Claims and runs due jobs once. */
  tick(): Promise<number>;
}

type SubscriptionAction = 'ensure' | 'renew' | 'replace';

/** Builds the service; nothing runs before start(). */
export function createCallRecords(o: CallRecordsOptions): CallRecordsService {
  const now = o.now ?? Date.now;
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  const summaries = createCallRecordSummaries(o.store);
  const api = createCallRecordsApi(o.graph);
  const sub = o.notificationUrl
    ? createRecordSubscription({
        graph: o.graph,
        kv: o.store.kv,
        locks: o.store.locks,
        notificationUrl: o.notificationUrl,
        now,
        logger: o.logger,
      })
    : undefined;
  const jobs = o.store.jobs;
  const schedule = (kind: string, key: string, dueAt: number, payload: unknown) =>
    jobs.schedule({ kind, key, dueAt, payload });
  const fetchLater = (id: string, dueAt = now()) =>
    schedule(RECORD_FETCH_JOB, `callrecord:${id}`, dueAt, { id });

  async function refresh(id: string): Promise<RecordPutResult | 'unusable'> {
    const summary = summariseRecord(await api.getRecord(id));
    if (!summary) {
      o.logger.warn({ recordId: id }, 'call record without id, version or times; not kept');
      return 'unusable';
    }
    const result = await summaries.put(summary, now());
    o.logger.debug({ recordId: id, version: summary.version, result }, 'call record stored');
    return result;
  }

  async function runFetch(job: ClaimedJob): Promise<void> {
    const id = String((job.payload as { id?: unknown } | null)?.id ?? '');
    try {
      if (id) await refresh(id);
    } catch (err) {
      if (!isCallingError(err, 'graph_not_found') || job.attempts + 1 < FETCH_TRIES) throw err;
      o.logger.warn({ recordId: id }, 'Graph has no such call record (older than 30 days?); giving up');
    }
    await jobs.complete(job.id, owner);
  }

  async function runSubscription(job: ClaimedJob): Promise<void> {
    if (!sub) return void (await jobs.complete(job.id, owner));
    const action = (job.payload as { action?: SubscriptionAction } | null)?.action ?? 'ensure';
    const state = await (action === 'renew'
      ? sub.renew()
      : action === 'replace'
        ? sub.replace()
        : sub.ensure());
    // Same key: this replaces the claimed row, so the complete below finds nothing left.
    await schedule(RECORD_SUBSCRIPTION_JOB, RECORD_SUBSCRIPTION_JOB, state.expiresAt - RENEW_LEAD_MS, {
      action: 'ensure',
    });
    await jobs.complete(job.id, owner);
  }

  async function runReconcile(job: ClaimedJob): Promise<void> {
    const fetched = await reconcileRecords({
      api,
      summaries,
      kv: o.store.kv,
      now,
      backfillMs: (o.backfillDays ?? 14) * DAY_MS,
      fetch: refresh,
      onFetchError: async (id, err) => {
        o.logger.warn({ err, recordId: id }, 'reconcile could not fetch a call record; trying again later');
        await fetchLater(id, now() + 60_000);
      },
    });
    const purged = await summaries.purgeBefore(now() - (o.retainDays ?? 90) * DAY_MS);
    o.logger.info({ fetched, purged }, 'call records reconciled');
    if (!sub)
      await schedule(
        RECORD_RECONCILE_JOB,
        RECORD_RECONCILE_JOB,
        now() + (o.pollRecordsMs ?? 15 * 60_000),
        {},
      );
    await jobs.complete(job.id, owner);
  }

  const poller = createJobPoller({
    jobs,
    owner,
    kinds: KINDS,
    pollMs: o.pollMs ?? 2000,
    now,
    run: (job) =>
      job.kind === RECORD_FETCH_JOB
        ? runFetch(job)
        : job.kind === RECORD_SUBSCRIPTION_JOB
          ? runSubscription(job)
          : runReconcile(job),
    // 30 s, 1 min, 2 min ... at most 30 min: Graph may be throttling, or PUBLIC_URL unreachable for a while.
    retryAt: (job) => now() + Math.min(30 * 60_000, 30_000 * 2 ** job.attempts),
    onError: (err, job) => {
      if (job?.kind === RECORD_SUBSCRIPTION_JOB)
        o.logger.warn(
          { err, notificationUrl: o.notificationUrl },
          'the call-record subscription could not be made or renewed: Graph must reach PUBLIC_URL/api/notifications ' +
            '(https, answering the validation handshake) and the app needs CallRecords.Read.All (application) with admin consent; retrying',
        );
      else if (job)
        o.logger.warn({ err, job: job.kind, jobId: job.id }, 'call-record job failed; retrying later');
      else o.logger.warn({ err }, 'claiming call-record jobs failed');
    },
  });
  let started = false;
  const kick = () => {
    if (started)
      void poller.tick().catch((err: unknown) => o.logger.warn({ err }, 'call-record jobs failed'));
  };

  function lifecycleJob(event: LifecycleEvent): Promise<unknown> {
    if (event === 'missed') return schedule(RECORD_RECONCILE_JOB, RECORD_RECONCILE_JOB, now(), {});
    const action: SubscriptionAction = event === 'subscriptionRemoved' ? 'replace' : 'renew';
    return schedule(RECORD_SUBSCRIPTION_JOB, RECORD_SUBSCRIPTION_JOB, now(), { action });
  }

  return {
    summaries,
    async start() {
      if (started) return;
      started = true;
      if (sub) await schedule(RECORD_SUBSCRIPTION_JOB, RECORD_SUBSCRIPTION_JOB, now(), { action: 'ensure' });
      else
        o.logger.info(
          {},
          'call records: no reachable PUBLIC_URL, so no subscription; records are listed every 15 minutes',
        );
      await schedule(RECORD_RECONCILE_JOB, RECORD_RECONCILE_JOB, now(), {});
      poller.start();
    },
    async stop() {
      started = false;
      await poller.stop();
    },
    async accept(body) {
      const state = await sub?.current();
      const notices = readRecordNotices(body, state);
      if (notices.refused > 0)
        o.logger.warn(
          { refused: notices.refused },
          'call-record notifications refused: unknown subscription or wrong clientState',
        );
      for (const id of notices.recordIds) await fetchLater(id);
      for (const event of notices.lifecycle) {
        o.logger.info({ event, subscriptionId: state?.id }, 'call-record subscription lifecycle notice');
        await lifecycleJob(event);
      }
      if (notices.recordIds.length > 0 || notices.lifecycle.length > 0) kick();
      return notices.recordIds.length;
    },
    refresh,
    tick: () => poller.tick(),
  };
}

// Graph call records for the app: the call-record subscription kept alive, notifications turned into
// fetch jobs (acknowledged at once, fetched after), each record read app-only and kept as a summary
// (newer version wins), and a reconcile on start. All of it runs as claimed jobs (record-jobs.ts), so
// with several instances each job runs once.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { GraphClient } from '../graph';
import {
  createJobPoller,
  type CallingStorage,
  type CallRecordSummaries,
  type RecordPutResult,
} from '../storage';
import { readRecordNotices } from './notifications';
import {
  createRecordJobs,
  RECORD_JOB_KINDS,
  RECORD_SUBSCRIPTION_JOB,
  type RecordsLogger,
} from './record-jobs';
import { createCallRecordsApi } from './records-api';
import { createRecordSubscription } from './subscription';

export interface CallRecordsOptions {
  readonly store: CallingStorage;
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

/** Builds the service; nothing runs before start(). */
export function createCallRecords(o: CallRecordsOptions): CallRecordsService {
  const now = o.now ?? Date.now;
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  const summaries = o.store.callRecords;
  const subscription = o.notificationUrl
    ? createRecordSubscription({
        graph: o.graph,
        kv: o.store.kv,
        locks: o.store.locks,
        notificationUrl: o.notificationUrl,
        now,
        logger: o.logger,
      })
    : undefined;
  const jobs = createRecordJobs({
    jobs: o.store.jobs,
    kv: o.store.kv,
    owner,
    api: createCallRecordsApi(o.graph),
    summaries,
    ...(subscription ? { subscription } : {}),
    logger: o.logger,
    now,
    backfillDays: o.backfillDays ?? 14,
    retainDays: o.retainDays ?? 90,
    pollRecordsMs: o.pollRecordsMs ?? 15 * 60_000,
  });
  const poller = createJobPoller({
    jobs: o.store.jobs,
    owner,
    kinds: RECORD_JOB_KINDS,
    pollMs: o.pollMs ?? 2000,
    now,
    run: jobs.run,
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
  // Notified records are fetched at once rather than at the next poll; the job stays if this fails.
  const kick = () => {
    if (started)
      void poller.tick().catch((err: unknown) => o.logger.warn({ err }, 'call-record jobs failed'));
  };

  return {
    summaries,
    async start() {
      if (started) return;
      started = true;
      if (subscription) await jobs.subscription('ensure');
      else
        o.logger.info(
          {},
          'call records: PUBLIC_URL cannot receive Graph notifications, so records are listed every 15 minutes instead',
        );
      await jobs.reconcile();
      poller.start();
    },
    async stop() {
      started = false;
      await poller.stop();
    },
    async accept(body) {
      const state = await subscription?.current();
      const notices = readRecordNotices(body, state);
      if (notices.refused > 0)
        o.logger.warn(
          { refused: notices.refused },
          'call-record notifications refused: unknown subscription or wrong clientState',
        );
      for (const id of notices.recordIds) await jobs.fetchLater(id);
      for (const event of notices.lifecycle) {
        o.logger.info({ event, subscriptionId: state?.id }, 'call-record subscription lifecycle notice');
        if (event === 'missed') await jobs.reconcile();
        else await jobs.subscription(event === 'subscriptionRemoved' ? 'replace' : 'renew');
      }
      if (notices.recordIds.length > 0 || notices.lifecycle.length > 0) kick();
      return notices.recordIds.length;
    },
    refresh: jobs.refresh,
    tick: () => poller.tick(),
  };
}

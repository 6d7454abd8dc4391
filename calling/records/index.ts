// Graph call records: the app-only subscription, notifications, fetching, summaries and reconcile.
export { createCallRecords } from './service';
export type { CallRecordsOptions, CallRecordsService } from './service';
export { RECORD_FETCH_JOB, RECORD_RECONCILE_JOB, RECORD_SUBSCRIPTION_JOB } from './record-jobs';
export type { RecordsLogger } from './record-jobs';
export { summariseRecord } from './summarise';
export { readRecordNotices } from './notifications';
export type { RecordNotices, LifecycleEvent } from './notifications';
export { canReceiveNotifications } from './notification-url';
export {
  RECORDS_KV,
  RENEW_LEAD_MS,
  SUBSCRIPTION_LIFETIME_MS,
  type RecordSubscriptionState,
} from './subscription';

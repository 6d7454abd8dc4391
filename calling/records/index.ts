// Graph call records: the app-only subscription, notifications, fetching, summaries and reconcile.
export {
  createCallRecords,
  RECORD_FETCH_JOB,
  RECORD_RECONCILE_JOB,
  RECORD_SUBSCRIPTION_JOB,
} from './service';
export type { CallRecordsOptions, CallRecordsService, RecordsLogger } from './service';
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

// Call records: each ended call's record (sessions and segments), appearing after a configurable delay,
// and the Graph callRecords routes.
export { CallRecords } from './call-records';
export { RecordStore, recordDelayFrom, DEFAULT_RECORD_DELAY_MS } from './record-store';
export type { RecordListener } from './record-store';
export { buildRecord } from './build-record';
export type { CallRecordRec, RecordSession } from './build-record';
export { CallTracker } from './tracker';
export type { Attendance, EndedCall } from './tracker';
export { recordRoutes } from './routes';
export type { RecordRouteDeps } from './handlers';

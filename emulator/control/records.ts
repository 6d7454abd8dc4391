// Control API for call records: what is pending and published, and publishing the pending ones now.
import type { HttpResponse } from '../http';
import type { RecordStore } from '../records';
import { controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

function store(deps: ControlDeps): RecordStore {
  if (!deps.records) throw controlNotFound('Call records are not served by this emulator.');
  return deps.records;
}

/** GET /emulator/records: pending records with when they appear, and the ids already served. */
export function listRecords(deps: ControlDeps): HttpResponse {
  return ok(store(deps).summary());
}

/** POST /emulator/records/flush: every pending record appears now (subscriptions are notified). */
export function flushRecords(deps: ControlDeps): HttpResponse {
  return ok({ flushed: store(deps).flush() });
}

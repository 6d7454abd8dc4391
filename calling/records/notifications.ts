// Reading a change-notification collection POSTed to /api/notifications for call records (SPEC §8.3).
// Only items of our subscription whose clientState matches are taken; an item that names a call record
// or our subscription with any other clientState is refused (it did not come from Graph). Items of other
// subscriptions (presence, for the tab) are left to their owners.
import { timingSafeEqual } from 'node:crypto';
import type { RecordSubscriptionState } from './subscription';

type Json = Record<string, unknown>;

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** What a collection held for the call-record subscription. */
export interface RecordNotices {
  /** Record ids to fetch, each once, in order of arrival. */
  readonly recordIds: string[];
  readonly lifecycle: LifecycleEvent[];
  /** Items refused for a missing or wrong clientState. */
  readonly refused: number;
}

const RECORD_PATH = /communications\/callRecords(?:\/|\(')([^/'?()]+)/i;

function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The record a notification is about; undefined for notifications about anything else (presence). */
function recordIdOf(n: Json): string | undefined {
  const data =
    typeof n['resourceData'] === 'object' && n['resourceData'] !== null ? (n['resourceData'] as Json) : {};
  const m =
    RECORD_PATH.exec(String(n['resource'] ?? '')) ?? RECORD_PATH.exec(String(data['@odata.id'] ?? ''));
  if (!m?.[1]) return undefined;
  const id = typeof data['id'] === 'string' && data['id'] ? data['id'] : decodeURIComponent(m[1]);
  return id.toLowerCase();
}

/** Sorts a notification body into record ids, lifecycle events and refusals, against `sub`. */
export function readRecordNotices(body: unknown, sub: RecordSubscriptionState | undefined): RecordNotices {
  const value = typeof body === 'object' && body !== null ? (body as Json)['value'] : undefined;
  const out = { recordIds: [] as string[], lifecycle: [] as LifecycleEvent[], refused: 0 };
  if (!Array.isArray(value)) return out;
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const n = item as Json;
    const ours =
      sub !== undefined && String(n['subscriptionId'] ?? '').toLowerCase() === sub.id.toLowerCase();
    const recordId = recordIdOf(n);
    if (!ours && recordId === undefined) continue;
    if (!ours || !sameSecret(n['clientState'], sub.clientState)) {
      out.refused += 1;
      continue;
    }
    const event = n['lifecycleEvent'];
    if (event === 'reauthorizationRequired' || event === 'subscriptionRemoved' || event === 'missed') {
      if (!out.lifecycle.includes(event)) out.lifecycle.push(event);
    } else if (recordId !== undefined && !out.recordIds.includes(recordId)) {
      out.recordIds.push(recordId);
    }
  }
  return out;
}

// What the inbox keeps per notification, and the content hash that spots a redelivered one.
import { createHash } from 'node:crypto';
import type { ParsedNotification } from '../types';

/** A received notification as stored; `local` rows are ones this app adds (a 404 seen, a GET refresh). */
export interface StoredNotification {
  readonly changeType: ParsedNotification['changeType'];
  readonly resourceUrl: string;
  readonly kind: ParsedNotification['kind'];
  readonly callId: string;
  /** The call id as Graph spelled it (rows stored before it was kept have none: the key stands in). */
  readonly callWireId?: string;
  readonly operationId?: string;
  readonly operationWireId?: string;
  readonly resourceData: ParsedNotification['resourceData'];
  readonly local?: 'gone' | 'refresh';
}

/** The call id as the notification's resourceUrl spelled it (the key, for rows stored without it). */
export function callWireIdOf(n: StoredNotification): string {
  return n.callWireId ?? n.callId;
}

/** The stored form of a parsed notification (the raw envelope is not kept twice). */
export function toStored(n: ParsedNotification): StoredNotification {
  return {
    changeType: n.changeType,
    resourceUrl: n.resourceUrl,
    kind: n.kind,
    callId: n.callId,
    // A batch kept by an older build may lack the spelling; the key stands in for it then.
    ...(n.callWireId === undefined ? {} : { callWireId: n.callWireId }),
    ...(n.operationId === undefined ? {} : { operationId: n.operationId }),
    ...(n.operationWireId === undefined ? {} : { operationWireId: n.operationWireId }),
    resourceData: n.resourceData,
  };
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      // An etag differs between two sends of the same news; it must not make a redelivery look new.
      .filter(([k, v]) => k !== '@odata.etag' && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A hash of what a notification says (change type, resource, data), independent of key order. */
export function contentHash(n: StoredNotification): string {
  return createHash('sha256')
    .update(canonical({ c: n.changeType, u: n.resourceUrl, d: n.resourceData, l: n.local ?? null }))
    .digest('base64url');
}

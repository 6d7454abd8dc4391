// What the notification handlers share: their context, their result, and small helpers.
import type { CallData, InboxRow, StoredCall, StoredOperation, TimelineEntry } from '../../store';
import type { PendingEvent } from './events';
import type { StoredNotification } from './stored-notification';

export interface Handled {
  readonly events: PendingEvent[];
  readonly settled: StoredOperation[];
}

export interface HandlerCtx {
  readonly tx: CallData;
  readonly row: InboxRow;
  readonly n: StoredNotification;
  readonly now: number;
  readonly timeline: TimelineEntry[];
}

export type Handler = (ctx: HandlerCtx) => Promise<Handled>;

export const NOTHING: Handled = { events: [], settled: [] };

export function objectData(n: StoredNotification): Record<string, unknown> {
  return (Array.isArray(n.resourceData) ? n.resourceData[0] : n.resourceData) ?? {};
}

export function arrayData(n: StoredNotification): ReadonlyArray<Record<string, unknown>> {
  return Array.isArray(n.resourceData) ? n.resourceData : [n.resourceData as Record<string, unknown>];
}

export async function saveCall(
  tx: CallData,
  existing: StoredCall | undefined,
  call: StoredCall,
): Promise<void> {
  if (!existing) {
    await tx.calls.insert(call);
    return;
  }
  // The flow's position and binding are written by flow steps only (see batch-view.ts).
  const { id: _id, createdAt: _created, flow: _flow, flowKey: _key, ...patch } = call;
  await tx.calls.update(call.id, patch);
}

// Handles one inbox row inside a transaction: the call's new state, operations settled, timeline lines,
// the flow events for the call's flow and the row marked processed commit together. Events and local waiters are served after the commit.
import type { CallData, InboxRow, TimelineEntry } from '../storage';
import { createBatchView } from './batch-view';
import { writeFlowEvents } from './flow-outbox';
import { handleCall } from './handle-call';
import { handleOperation } from './handle-operation';
import { handleRoster } from './handle-roster';
import { arrayData, NOTHING, objectData, type Handled, type Handler } from './handler-kit';
import type { StoredNotification } from './stored-notification';

export type { Handled };

// Dispatch is data: the first entry whose select matches handles the row.
const HANDLERS: ReadonlyArray<{ select: (n: StoredNotification) => boolean; handle: Handler }> = [
  { select: (n) => n.kind === 'call', handle: handleCall },
  { select: (n) => n.kind === 'participants', handle: handleRoster },
  { select: (n) => n.kind === 'operation', handle: handleOperation },
];

function summarize(n: StoredNotification): string {
  const list = Array.isArray(n.resourceData);
  const data = list ? undefined : objectData(n);
  const detail = data?.['state'] ?? data?.['status'] ?? (list ? `${arrayData(n).length} item(s)` : '');
  return `${n.local ? `local ${n.local}` : n.changeType} ${n.kind}${detail ? ` ${String(detail)}` : ''}`;
}

// The timeline is for people reading what happened; a recording's access token does not belong there.
function withoutSecrets(data: StoredNotification['resourceData']): unknown {
  if (Array.isArray(data) || !('recordingAccessToken' in data)) return data;
  return { ...data, recordingAccessToken: '[redacted]' };
}

/** Processes one row in one transaction; returns what to announce once it is committed. */
export function processRow(data: CallData, row: InboxRow, now: number): Promise<Handled> {
  return data.transaction((tx) => handleRow(tx, row, now));
}

/**
 * Processes rows (of one or many calls, in arrival order) in one transaction: one commit for the lot.
 * Returns, in row order, what to announce once it is committed. If any row fails, nothing is kept.
 */
export function processRows(data: CallData, rows: readonly InboxRow[], now: number): Promise<Handled[]> {
  return data.transaction(async (tx) => {
    const view = createBatchView(tx, rows, now);
    await view.prefetch();
    const handled: Handled[] = [];
    for (const row of rows) handled.push(await handleRow(view.data, row, now));
    await view.flush();
    return handled;
  });
}

// One row's work inside the caller's transaction.
async function handleRow(tx: CallData, row: InboxRow, now: number): Promise<Handled> {
  const n = row.notification as StoredNotification;
  const timeline: TimelineEntry[] = [
    {
      callId: row.callId,
      at: now,
      kind: 'notification',
      summary: summarize(n),
      data: withoutSecrets(n.resourceData),
    },
  ];
  let handled = NOTHING;
  if (!n.local && (await tx.inbox.seenHash(row.callId, row.contentHash))) {
    timeline.push({
      callId: row.callId,
      at: now,
      kind: 'decision',
      summary: 'ignored duplicate notification',
    });
  } else {
    const entry = HANDLERS.find((h) => h.select(n));
    if (entry) handled = await entry.handle({ tx, row, n, now, timeline });
  }
  // The flow events go out with the notification that causes them (the flow outbox).
  await writeFlowEvents(tx, row, handled.events, now);
  await tx.timeline.add(timeline);
  await tx.inbox.markProcessed(row.seq, now);
  return handled;
}

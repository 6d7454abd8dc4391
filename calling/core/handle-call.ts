// A call-resource notification: the machine's decision, plus the operations a state settles
// (answer → established, transfer → accepted or failed, everything open → the call ended).
import type { CallData, StoredOperation } from '../storage';
import { saveCall, type Handler } from './handler-kit';
import { readMeta, withConnected, withTransferFailed, type CallMeta } from './model/annotations';
import { outcomeOf, ringOutcome } from './outcomes';
import { reduceCall } from './reduce-call';

/** Settles a call's open operations of some kinds; returns the ones it settled. */
async function settleOpen(
  tx: CallData,
  callId: string,
  kinds: ReadonlySet<string> | 'all',
  outcome: { status: 'completed' | 'failed'; resultInfo: unknown; resource: unknown; at: number },
): Promise<StoredOperation[]> {
  const done: StoredOperation[] = [];
  for (const op of await tx.operations.openForCall(callId)) {
    if (kinds !== 'all' && !kinds.has(op.kind)) continue;
    if (await tx.operations.settle(op.id, outcome)) done.push({ ...op, ...outcome, settledAt: outcome.at });
  }
  return done;
}

export const handleCall: Handler = async ({ tx, row, n, now, timeline }) => {
  const existing = await tx.calls.get(row.callId);
  const r = reduceCall(existing, n, row.tenantId, now);
  // The call model counts its duration from the first time the call connected.
  let meta: CallMeta = readMeta(r.call.meta);
  if (r.call.state === 'established') meta = withConnected(meta, now);
  // A transfer that failed: its target, rung, did not take the call, for the reason it failed with.
  if (r.transfer && !r.transfer.ok)
    meta = withTransferFailed(meta, ringOutcome(outcomeOf(r.transfer.resultInfo)), now);
  const call = { ...r.call, meta };
  const changed = await saveCall(tx, existing, call);
  timeline.push(...r.timeline);
  const settled: StoredOperation[] = [];
  if (r.transfer) {
    settled.push(
      ...(await settleOpen(tx, row.callId, new Set(['transfer']), {
        status: r.transfer.ok ? 'completed' : 'failed',
        resultInfo: r.transfer.resultInfo ?? null,
        resource: null,
        at: now,
      })),
    );
  }
  if (r.established) {
    settled.push(
      ...(await settleOpen(tx, row.callId, new Set(['answer']), {
        status: 'completed',
        resultInfo: null,
        resource: null,
        at: now,
      })),
    );
  }
  if (r.ended) {
    settled.push(
      ...(await settleOpen(tx, row.callId, 'all', {
        status: 'failed',
        resultInfo: r.ended.resultInfo ?? null,
        resource: { callEnded: true, reason: r.ended.reason },
        at: now,
      })),
    );
  }
  return { events: r.events, settled, ...(changed ? { changed } : {}) };
};

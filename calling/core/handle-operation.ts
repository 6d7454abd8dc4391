// An operation notification: settles the operation we started (by Graph id or clientContext), or
// keeps the outcome of one we have not recorded yet.
import type { StoredOperation } from '../storage';
import { idKey } from '../ids';
import { NOTHING, objectData, saveCall, type Handler } from './handler-kit';
import { readMeta, withRingFailed } from './model/annotations';
import { outcomeOf, ringOutcome } from './outcomes';
import { callWireIdOf } from './stored-notification';
import { readResultInfo } from './result-info';
import { callView, operationView } from './views';

function kindOfType(type: unknown): string {
  const m = typeof type === 'string' ? /([A-Za-z]+)Operation$/.exec(type) : null;
  return m?.[1] ?? 'operation';
}

export const handleOperation: Handler = async ({ tx, row, n, now, timeline }) => {
  const data = objectData(n);
  const status = String(data['status'] ?? '').toLowerCase();
  if (status !== 'completed' && status !== 'failed') return NOTHING;
  // The resource path's spelling over the `id` property's: the path is how Graph addresses the operation.
  const wireId = n.operationWireId ?? (typeof data['id'] === 'string' ? data['id'] : undefined);
  const graphId = n.operationId ?? (wireId === undefined ? undefined : idKey(wireId));
  const clientContext = typeof data['clientContext'] === 'string' ? data['clientContext'] : undefined;
  const outcome = {
    status,
    resultInfo: readResultInfo(data['resultInfo']) ?? null,
    resource: data,
    at: now,
  } as const;
  const known = await tx.operations.find({
    ...(graphId ? { graphId } : {}),
    ...(clientContext ? { clientContext } : {}),
  });
  if (!known) {
    if (!graphId) return NOTHING;
    // The completion beat the action's response (or the action was sent by an instance that died
    // before recording its id): keep the outcome; attachGraphId moves it onto the operation later.
    const orphan: StoredOperation = {
      id: `graph:${graphId}`,
      graphId,
      wireId: wireId ?? graphId,
      callId: row.callId,
      kind: kindOfType(data['@odata.type']),
      clientContext: null,
      status,
      resultInfo: outcome.resultInfo,
      resource: data,
      createdAt: now,
      settledAt: now,
    };
    await tx.operations.insert(orphan);
    timeline.push({
      callId: row.callId,
      at: now,
      kind: 'operation',
      summary: `${orphan.kind} ${status} (not started here yet)`,
    });
    const owner = await tx.calls.get(row.callId);
    const callWireId = owner?.wireId ?? callWireIdOf(n);
    return {
      events: [
        {
          name: 'operationFinished',
          payload: {
            operation: operationView(orphan, callWireId),
            ...(owner ? { call: callView(owner) } : {}),
          },
        },
      ],
      settled: [orphan],
    };
  }
  if (!(await tx.operations.settle(known.id, outcome))) {
    timeline.push({
      callId: row.callId,
      at: now,
      kind: 'decision',
      summary: `ignored repeated completion of ${known.kind}`,
    });
    return NOTHING;
  }
  const settled: StoredOperation = { ...known, ...outcome, settledAt: now };
  timeline.push({
    callId: row.callId,
    at: now,
    kind: 'operation',
    summary: `${known.kind} ${status}`,
    ...(outcome.resultInfo ? { data: { resultInfo: outcome.resultInfo } } : {}),
  });
  let call = await tx.calls.get(row.callId);
  let changed: typeof call;
  if (call && known.kind === 'invite' && status === 'failed') {
    // The people this invitation rang and who never joined did not come, for the reason it failed with.
    const why = ringOutcome(outcomeOf(outcome.resultInfo ?? undefined));
    const next = { ...call, meta: withRingFailed(readMeta(call.meta), known.id, why, now) };
    changed = await saveCall(tx, call, next);
    call = next;
  }
  return {
    events: [
      {
        name: 'operationFinished',
        payload: {
          operation: operationView(settled, call?.wireId ?? callWireIdOf(n)),
          ...(call ? { call: callView(call) } : {}),
        },
      },
    ],
    settled: [settled],
    ...(changed ? { changed } : {}),
  };
};

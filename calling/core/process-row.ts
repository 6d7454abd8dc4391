// Handles one inbox row inside a transaction: the call's new state, operations settled, timeline lines,
// and the row marked processed commit together. Events and local waiters are served after the commit.
import type { CallData, InboxRow, StoredCall, StoredOperation, TimelineEntry } from '../../store';
import { normaliseId } from '../webhook/resource-url';
import type { PendingEvent } from './events';
import { readResultInfo } from './result-info';
import { blankCall, reduceCall } from './reduce-call';
import { applyRoster, readRoster } from './roster';
import type { StoredNotification } from './stored-notification';
import { callView, operationView, participantView } from './views';

export interface Handled {
  readonly events: PendingEvent[];
  readonly settled: StoredOperation[];
}

interface Ctx {
  readonly tx: CallData;
  readonly row: InboxRow;
  readonly n: StoredNotification;
  readonly now: number;
  readonly timeline: TimelineEntry[];
}

type Handler = (ctx: Ctx) => Promise<Handled>;

const NOTHING: Handled = { events: [], settled: [] };

function objectData(n: StoredNotification): Record<string, unknown> {
  return (Array.isArray(n.resourceData) ? n.resourceData[0] : n.resourceData) ?? {};
}

function arrayData(n: StoredNotification): ReadonlyArray<Record<string, unknown>> {
  return Array.isArray(n.resourceData) ? n.resourceData : [n.resourceData as Record<string, unknown>];
}

async function save(tx: CallData, existing: StoredCall | undefined, call: StoredCall): Promise<void> {
  if (!existing) {
    await tx.calls.insert(call);
    return;
  }
  const { id: _id, createdAt: _created, ...patch } = call;
  await tx.calls.update(call.id, patch);
}

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

const handleCall: Handler = async ({ tx, row, n, now, timeline }) => {
  const existing = await tx.calls.get(row.callId);
  const r = reduceCall(existing, n, row.tenantId, now);
  await save(tx, existing, r.call);
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
  return { events: r.events, settled };
};

const handleRoster: Handler = async ({ tx, row, n, now, timeline }) => {
  const existing = await tx.calls.get(row.callId);
  const base = existing ?? blankCall(row.callId, row.tenantId, now);
  if (base.state === 'terminated') {
    timeline.push({
      callId: row.callId,
      at: now,
      kind: 'decision',
      summary: 'ignored roster: the call already ended',
    });
    return NOTHING;
  }
  const change = applyRoster(readRoster(base.participants), n.changeType, arrayData(n));
  const call: StoredCall = { ...base, participants: change.roster, lastNotifiedAt: now, updatedAt: now };
  await save(tx, existing, call);
  const view = callView(call);
  const others = (list: typeof change.joined) =>
    list.map((e) => participantView(e, call.myParticipantId)).filter((p) => !p.isSelf);
  const joined = others(change.joined);
  const left = others(change.left);
  const events: PendingEvent[] = [];
  if (joined.length > 0)
    events.push({ name: 'participantsJoined', payload: { call: view, participants: joined } });
  if (left.length > 0) events.push({ name: 'participantsLeft', payload: { call: view, participants: left } });
  timeline.push({
    callId: row.callId,
    at: now,
    kind: 'decision',
    summary: `roster: ${Object.keys(change.roster.present).length} present, +${change.joined.length} -${change.left.length} ~${change.changed.length}`,
  });
  return { events, settled: [] };
};

function kindOfType(type: unknown): string {
  const m = typeof type === 'string' ? /([A-Za-z]+)Operation$/.exec(type) : null;
  return m?.[1] ?? 'operation';
}

const handleOperation: Handler = async ({ tx, row, n, now, timeline }) => {
  const data = objectData(n);
  const status = String(data['status'] ?? '').toLowerCase();
  if (status !== 'completed' && status !== 'failed') return NOTHING;
  const rawId = n.operationId ?? (typeof data['id'] === 'string' ? data['id'] : undefined);
  const graphId = rawId === undefined ? undefined : normaliseId(rawId);
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
    return {
      events: [
        {
          name: 'operationFinished',
          payload: { operation: operationView(orphan), ...(owner ? { call: callView(owner) } : {}) },
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
  const call = await tx.calls.get(row.callId);
  return {
    events: [
      {
        name: 'operationFinished',
        payload: { operation: operationView(settled), ...(call ? { call: callView(call) } : {}) },
      },
    ],
    settled: [settled],
  };
};

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

/** Processes one row in one transaction; returns what to announce once it is committed. */
export async function processRow(data: CallData, row: InboxRow, now: number): Promise<Handled> {
  const n = row.notification as StoredNotification;
  return data.transaction(async (tx) => {
    const timeline: TimelineEntry[] = [
      { callId: row.callId, at: now, kind: 'notification', summary: summarize(n), data: n.resourceData },
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
    await tx.timeline.add(timeline);
    await tx.inbox.markProcessed(row.seq, now);
    return handled;
  });
}

// The runtime's position of a flow and its row in the `flows` table: the store keeps each task with its
// owner and start time, the runtime keeps tokens and owners apart (step-control.ts, takeover.ts).
import type { FlowTask, StoredFlowRecord } from '../../storage';
import type { StoredFlow } from './types';

/** The runtime's view of a stored row. */
export function fromRecord(r: StoredFlowRecord): StoredFlow {
  const tasks: Record<string, string> = {};
  const owners: Record<string, string> = {};
  for (const [name, t] of Object.entries(r.tasks)) {
    tasks[name] = t.token;
    owners[name] = t.owner;
  }
  return {
    key: r.key,
    kind: r.kind,
    state: r.state,
    timers: r.timers,
    tasks,
    owners,
    rev: r.rev,
    callIds: r.callIds,
    ...(r.requestedBy === null ? {} : { requestedBy: r.requestedBy }),
    createdAt: r.createdAt,
    ...(r.doneAt === null ? {} : { doneAt: r.doneAt }),
  };
}

/** The row to store; a task already stored under the same token keeps its start time. */
export function toRecord(f: StoredFlow, now: number, before?: StoredFlowRecord): StoredFlowRecord {
  const tasks: Record<string, FlowTask> = {};
  for (const [name, token] of Object.entries(f.tasks)) {
    const was = before?.tasks[name];
    tasks[name] = {
      token,
      // A task whose owner is unknown counts as lost: no live instance has that id.
      owner: f.owners?.[name] ?? '',
      startedAt: was?.token === token ? was.startedAt : now,
    };
  }
  return {
    key: f.key,
    kind: f.kind,
    state: f.state,
    rev: f.rev,
    timers: f.timers,
    tasks,
    callIds: f.callIds,
    requestedBy: f.requestedBy ?? null,
    createdAt: f.createdAt,
    updatedAt: now,
    doneAt: f.doneAt ?? null,
  };
}

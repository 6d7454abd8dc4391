// Which of a flow's work no live instance looks after, and the flow as the instance taking it over
// saves it. Tasks run and timers fire in the memory of the instance that started them; when that
// instance is dead (no heartbeat, its row gone, its process gone) its tasks will never report back and
// its timers never fire, so one live instance adopts them. A live instance's work is never touched: a
// restarted instance must not replay the prompt a neighbour is playing.
import type { StoredFlow } from './types';

export interface Orphans {
  /** Tasks whose instance is dead or unknown: lost. */
  readonly lostTasks: readonly string[];
  /** Timers whose instance is dead or unknown: to arm here. */
  readonly timers: readonly string[];
}

const orphan = (owner: string | undefined, live: ReadonlySet<string>) =>
  owner === undefined || !live.has(owner);

/** The flow's work no live instance looks after; undefined when there is none. */
export function orphansOf(flow: StoredFlow, live: ReadonlySet<string>): Orphans | undefined {
  const lostTasks = Object.keys(flow.tasks).filter((name) => orphan(flow.owners?.[name], live));
  const timers = Object.entries(flow.timers)
    .filter(([, t]) => orphan(t.owner, live))
    .map(([name]) => name);
  return lostTasks.length === 0 && timers.length === 0 ? undefined : { lostTasks, timers };
}

/** The flow without its lost tasks, its orphaned timers now armed by `instance`. */
export function adopt(flow: StoredFlow, orphans: Orphans, instance: string): StoredFlow {
  const tasks = { ...flow.tasks };
  const owners = { ...flow.owners };
  for (const name of orphans.lostTasks) {
    delete tasks[name];
    delete owners[name];
  }
  const timers = { ...flow.timers };
  for (const name of orphans.timers) {
    const t = timers[name];
    if (t) timers[name] = { ...t, owner: instance };
  }
  return { ...flow, tasks, owners, timers };
}

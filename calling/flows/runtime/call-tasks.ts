// The background tasks of every call the runtime drives: started after a step saved them, in the order
// `after` asks for (also after a task of an earlier step still running), and reported back as a `done`
// event once settled. A task that waited and was forgotten or replaced meanwhile never starts.
import { startTasks, type SpawnedTask } from './step-control';
import type { FlowEvent } from './types';

export type DoneEvent = Extract<FlowEvent, { type: 'done' }>;

export interface CallTasks {
  /** Starts a step's tasks; `tokens` are the call's tasks as just saved; `done` hears each outcome. */
  start(
    callId: string,
    spawned: readonly SpawnedTask[],
    tokens: Readonly<Record<string, string>>,
    done: (task: SpawnedTask, event: DoneEvent) => void,
  ): void;
}

/** Keeps each call's running tasks by name until they settle. */
export function createCallTasks(): CallTasks {
  const running = new Map<string, Map<string, Promise<unknown>>>();
  const current = new Map<string, Readonly<Record<string, string>>>();

  return {
    start(callId, spawned, tokens, done) {
      const live = running.get(callId) ?? new Map<string, Promise<unknown>>();
      if (spawned.length === 0 && live.size === 0) return;
      current.set(callId, tokens);
      const wanted = (task: SpawnedTask) => current.get(callId)?.[task.name] === task.token;
      for (const { task, run } of startTasks(spawned, live, wanted)) {
        live.set(task.name, run);
        running.set(callId, live);
        const settled = () => {
          if (live.get(task.name) === run) live.delete(task.name);
          if (live.size === 0 && running.get(callId) === live) {
            running.delete(callId);
            current.delete(callId);
          }
        };
        run.then(
          (value) => {
            settled();
            done(task, { type: 'done', task: task.name, ok: true, value });
          },
          (error: unknown) => {
            settled();
            const err = error instanceof Error ? error : new Error(String(error));
            done(task, { type: 'done', task: task.name, ok: false, error: err });
          },
        );
      }
    },
  };
}

// Boards change from many places: callers joining and leaving on any instance, agents rung and freed by
// any instance, presence changing in Teams. Rather than hook every writer, the watcher reads the boards
// every few seconds while someone watches and reports a board whose content changed (and, while callers
// wait, every `redrawMs` so their waits move on). It works across instances and whatever rings agents.
import type { QueueBoard, QueueBoards } from './board';

interface WarnLog {
  warn(obj: object, msg?: string): void;
}

export interface BoardWatch {
  /** Called with a queue's board when it changed; returns the unsubscribe function. */
  subscribe(listener: (board: QueueBoard) => void): () => void;
  /** Reads the boards now (after a change this instance made, e.g. a sign-out). */
  check(): Promise<void>;
  stop(): void;
}

/** What a board says, without the clock: two boards with the same content have the same key. */
export function boardContent(b: QueueBoard): string {
  return JSON.stringify({
    callers: b.callers.map((c) => [c.callId, c.position, c.caller, c.ringing ?? '']),
    agents: b.agents.map((a) => [a.id, a.state, a.signedIn, a.availability, a.activity]),
    problem: b.presenceProblem ?? '',
  });
}

/** Watches `boards` while it has listeners. */
export function watchBoards(
  boards: QueueBoards,
  opts: {
    readonly everyMs?: number;
    readonly redrawMs?: number;
    readonly log: WarnLog;
    readonly now?: () => number;
  },
): BoardWatch {
  const everyMs = opts.everyMs ?? 3000;
  const redrawMs = opts.redrawMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const listeners = new Set<(board: QueueBoard) => void>();
  const last = new Map<string, { content: string; at: number }>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function read(): Promise<void> {
    if (listeners.size === 0 || boards.names().length === 0) return;
    const t = now();
    for (const b of await boards.boards()) {
      const content = boardContent(b);
      const before = last.get(b.queue);
      const stale = b.callers.length > 0 && before !== undefined && t - before.at >= redrawMs;
      if (before?.content === content && !stale) continue;
      last.set(b.queue, { content, at: t });
      for (const l of listeners) l(b);
    }
  }

  // One read at a time; a failed read is logged and the next tick tries again, so check never rejects.
  // A check asked for during a read runs once more after it: the read under way may predate the change.
  let again: Promise<void> | undefined;
  const once = (): Promise<void> =>
    read()
      .catch((err: unknown) => opts.log.warn({ err }, 'could not read the queue boards'))
      .then(() => {
        running = undefined;
      });
  const check = (): Promise<void> => {
    if (!running) return (running = once());
    return (again ??= running.then(() => {
      again = undefined;
      return check();
    }));
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        timer = setInterval(() => {
          check().catch((err: unknown) => opts.log.warn({ err }, 'queue board check failed'));
        }, everyMs);
        timer.unref();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    check,
    stop() {
      listeners.clear();
      clearInterval(timer);
      timer = undefined;
    },
  };
}

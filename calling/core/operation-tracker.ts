// Local waiters for operations. A waiter settles when this instance processes the completion (onSettled),
// or when a cheap poll finds the operation settled by another instance, or rejects on its timeout.
import type { CallOperationsRepo, StoredOperation } from '../storage';
import { CallOperationError } from './errors';
import { describeOperationFailure, readResultInfo } from './result-info';
import { operationView, type OperationView } from './views';

interface Waiter {
  /** The call's id as its CallView names it. */
  readonly callId: string;
  readonly resolve: (op: OperationView) => void;
  readonly reject: (err: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export interface OperationTracker {
  /**
   * Waits for an operation to settle; resolves with it when completed, rejects when failed or late.
   * `callId` is the call's id as Graph spelled it. `onTimeout` runs when the wait gives up (not when the
   * tracker stops).
   */
  wait(id: string, callId: string, timeoutMs: number, onTimeout?: () => void): Promise<OperationView>;
  /** Forgets a waiter without settling it (the action that started it failed on its own). */
  forget(id: string): void;
  /** Settles local waiters of operations this instance just saw settle. */
  onSettled(ops: readonly StoredOperation[]): void;
  pending(): number;
  stop(): void;
}

/** The error a failed operation of the call (`callId` as Graph spelled it) rejects with. */
export function operationError(op: StoredOperation, callId: string): CallOperationError {
  const resultInfo = readResultInfo(op.resultInfo);
  const resource = (op.resource ?? {}) as Record<string, unknown>;
  const details = { callId, operationId: op.id, ...(resultInfo ? { resultInfo } : {}) };
  if (resource['callEnded'] === true) {
    return new CallOperationError(
      'call_ended',
      `${op.kind} did not finish: the call ended (${String(resource['reason'] ?? 'no reason given')}).`,
      details,
    );
  }
  const cancelled = resultInfo?.code === 400 && resultInfo.subcode === 8508;
  return new CallOperationError(
    cancelled ? 'operation_cancelled' : 'operation_failed',
    `${op.kind} on call ${callId} failed: ${describeOperationFailure(resultInfo)}.`,
    details,
  );
}

/** Creates the tracker; `pollMs` spaces the checks for operations settled by other instances. */
export function createOperationTracker(
  repo: CallOperationsRepo,
  log: { warn(obj: object, msg?: string): void },
  pollMs = 300,
): OperationTracker {
  const waiters = new Map<string, Waiter[]>();
  let poller: NodeJS.Timeout | undefined;
  let polling = false;

  function settle(op: StoredOperation): void {
    const list = waiters.get(op.id);
    if (!list || (op.status !== 'completed' && op.status !== 'failed')) return;
    waiters.delete(op.id);
    for (const w of list) {
      clearTimeout(w.timer);
      if (op.status === 'completed') w.resolve(operationView(op, w.callId));
      else w.reject(operationError(op, w.callId));
    }
    if (waiters.size === 0) stopPolling();
  }

  function stopPolling(): void {
    if (poller) clearInterval(poller);
    poller = undefined;
  }

  async function poll(): Promise<void> {
    if (polling || waiters.size === 0) return;
    polling = true;
    try {
      for (const op of await repo.settledAmong([...waiters.keys()])) settle(op);
    } finally {
      polling = false;
    }
  }

  return {
    wait(id, callId, timeoutMs, onTimeout) {
      return new Promise<OperationView>((resolve, reject) => {
        const timer = setTimeout(() => {
          onTimeout?.();
          const list = (waiters.get(id) ?? []).filter((w) => w.timer !== timer);
          if (list.length > 0) waiters.set(id, list);
          else waiters.delete(id);
          if (waiters.size === 0) stopPolling();
          reject(
            new CallOperationError(
              'operation_timeout',
              `No completion for operation ${id} on call ${callId} within ${Math.round(timeoutMs / 1000)} s; ` +
                'the call may have ended or its notifications are not reaching /api/calls.',
              { callId, operationId: id },
            ),
          );
        }, timeoutMs);
        const list = waiters.get(id) ?? [];
        list.push({ callId, resolve, reject, timer });
        waiters.set(id, list);
        if (!poller) {
          poller = setInterval(() => {
            // A failed poll is retried on the next tick; waiters still have their own timeouts.
            poll().catch((err: unknown) =>
              log.warn({ err }, 'checking for operations settled elsewhere failed'),
            );
          }, pollMs);
          poller.unref();
        }
      });
    },
    forget(id) {
      for (const w of waiters.get(id) ?? []) clearTimeout(w.timer);
      waiters.delete(id);
      if (waiters.size === 0) stopPolling();
    },
    onSettled(ops) {
      for (const op of ops) settle(op);
    },
    pending: () => waiters.size,
    stop() {
      stopPolling();
      for (const [id, list] of waiters) {
        for (const w of list) {
          clearTimeout(w.timer);
          w.reject(
            new CallOperationError('operation_timeout', `Stopped while waiting for operation ${id}.`, {
              operationId: id,
            }),
          );
        }
      }
      waiters.clear();
    },
  };
}

// Starts an awaitable operation: records it (with the clientContext we send), calls Graph, notes the
// operation id from the answer, and returns a promise that settles with its completion (SPEC §0.4).
import { randomUUID } from 'node:crypto';
import type { StoredCall, StoredOperation } from '../storage';
import { isCallingError } from '../errors';
import { idKey } from '../ids';
import { CallOperationError } from './errors';
import type { CallState } from './call-machine';
import { graphCtx, requireCall, type CoreContext } from './context';
import type { OperationAccepted } from './ports';
import { readResultInfo } from './result-info';
import { operationIdFromLocation } from './requests';
import { callView, operationView, type OperationView } from './views';

export interface RunOptions {
  /** States the call must be in. */
  readonly states?: ReadonlySet<CallState>;
  readonly timeoutMs?: number;
  /**
   * Settled by the call's state rather than an operation notification (answer → established,
   * transfer → transferAccepted / back to established with a failure).
   */
  readonly byState?: boolean;
}

/** Runs one operation on a call and waits for its outcome. */
export async function runOperation(
  ctx: CoreContext,
  callId: string,
  kind: string,
  send: (call: StoredCall, clientContext: string) => Promise<OperationAccepted | void>,
  opts: RunOptions = {},
): Promise<OperationView> {
  const call = await requireCall(ctx, callId, opts.states, kind);
  // Made when there is something to say: the timeout below keeps its closure for as long as the
  // operation may run, and a menu's call always has an operation under way.
  const scenarioId = call.scenarioId ?? undefined;
  const log = () => ctx.logger.child({ callId, scenarioId });
  const id = randomUUID();
  const now = ctx.clock.now();
  // The row and its timeline line share one commit: a commit costs more than both statements.
  await ctx.data.transaction(async (tx) => {
    await tx.operations.insert({
      id,
      graphId: null,
      wireId: null,
      callId,
      kind,
      clientContext: id,
      status: 'pending',
      resultInfo: null,
      resource: null,
      createdAt: now,
      settledAt: null,
    });
    await tx.timeline.add([
      { callId, at: now, kind: 'request', summary: `${kind} requested`, data: { operationId: id } },
    ]);
  });
  const timeoutMs = opts.timeoutMs ?? ctx.timing.operationTimeoutMs;
  const waiting = ctx.tracker.wait(id, call.wireId, timeoutMs, () => {
    giveUp(ctx, id, callId, kind, timeoutMs).catch((err: unknown) =>
      log().warn({ err, operationId: id }, 'could not settle an operation that timed out'),
    );
  });
  // The call can end, and this operation fail with it, while the request below is still out (a hang-up
  // during a Retry-After wait is enough). Whoever awaits what this function returns handles that
  // rejection, but only from the return on; until then Node would count it as unhandled and stop the
  // process. When the request itself fails, its error is the one reported and this one is moot.
  waiting.catch(() => undefined);

  let accepted: OperationAccepted | void;
  try {
    accepted = await send(call, id);
  } catch (err) {
    ctx.tracker.forget(id);
    const message = err instanceof Error ? err.message : String(err);
    await ctx.data.transaction(async (tx) => {
      await tx.operations.settle(id, {
        status: 'failed',
        resultInfo: null,
        resource: { error: message },
        at: ctx.clock.now(),
      });
      await tx.timeline.add([
        { callId, at: ctx.clock.now(), kind: 'request', summary: `${kind} refused: ${message}` },
      ]);
    });
    if (isCallingError(err, 'graph_call_gone')) {
      // The caller hung up while the request was on its way: expected on a phone line, so no warning.
      log().info({ kind, reason: message }, 'operation request refused: the call had ended');
      throw new CallOperationError(
        'call_ended',
        `${kind} was refused: call ${callId} has ended (Graph answered 404).`,
        {
          callId,
          operationId: id,
        },
      );
    }
    log().warn({ err, kind }, 'operation request failed');
    throw err;
  }
  if (opts.byState) return waiting;

  const op = accepted?.operation ?? undefined;
  const rawId = op?.id ?? operationIdFromLocation(accepted?.location);
  let row: StoredOperation | undefined;
  let settledHere = false;
  if (rawId) row = await ctx.data.operations.attachGraphId(id, idKey(rawId), 'running', rawId);
  const status = String(op?.status ?? '').toLowerCase();
  if (
    (status === 'completed' || status === 'failed') &&
    row?.status !== 'completed' &&
    row?.status !== 'failed'
  ) {
    // Returned already finished: Graph sends no notification for it.
    const at = ctx.clock.now();
    const outcome = {
      status,
      resultInfo: readResultInfo(op?.resultInfo) ?? null,
      resource: op ?? null,
      at,
    } as const;
    if (await ctx.data.operations.settle(id, outcome)) {
      row = { ...(row ?? (await ctx.data.operations.get(id))!), ...outcome, settledAt: at };
      settledHere = true;
      await ctx.data.timeline.add([{ callId, at, kind: 'operation', summary: `${kind} ${status} at once` }]);
    }
  }
  if (row && (row.status === 'completed' || row.status === 'failed')) ctx.tracker.onSettled([row]);
  if (row && settledHere) {
    const current = await ctx.data.calls.get(callId);
    ctx.emitter.emit({
      name: 'operationFinished',
      payload: {
        operation: operationView(row, call.wireId),
        ...(current ? { call: callView(current) } : {}),
      },
    });
  }
  return waiting;
}

/**
 * Settles an operation nobody heard the end of (its completion was lost, or the call's notifications
 * stopped), so no row stays open past its timeout; a completion arriving later is noted and ignored.
 */
async function giveUp(
  ctx: CoreContext,
  id: string,
  callId: string,
  kind: string,
  timeoutMs: number,
): Promise<void> {
  const at = ctx.clock.now();
  const settled = await ctx.data.operations.settle(id, {
    status: 'failed',
    resultInfo: null,
    resource: { timedOut: true },
    at,
  });
  if (!settled) return;
  await ctx.data.timeline.add([
    {
      callId,
      at,
      kind: 'operation',
      summary: `${kind}: no completion within ${inWords(timeoutMs)}; given up`,
    },
  ]);
}

const inWords = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

export { graphCtx };

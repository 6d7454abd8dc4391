// Operations (commsOperation subtypes): created by actions, answered with a Location header, and
// finished with a `deleted` notification unless they were returned already finished.
import type { HttpResponse } from '../http';
import type { CallEngine } from './engine';
import type { CallRec, Json, OperationRec, OperationStatus, ResultInfo } from './model';
import { operationJson } from './serialize';

/** Creates an operation on the call. */
export function newOperation(
  engine: CallEngine,
  call: CallRec,
  type: string,
  clientContext: unknown,
  status: OperationStatus = 'running',
  extra: Json = {},
): OperationRec {
  const op: OperationRec = {
    id: engine.newId(),
    type,
    status,
    clientContext: typeof clientContext === 'string' ? clientContext : null,
    resultInfo: null,
    extra,
    createdAt: engine.clock.now(),
  };
  call.operations.set(op.id, op);
  engine.note(call, 'operation', { operationId: op.id, type, status });
  return op;
}

/** Finishes a running operation and sends its `deleted` notification (while the call lives). */
export function finishOperation(
  engine: CallEngine,
  call: CallRec,
  op: OperationRec,
  status: 'completed' | 'failed',
  resultInfo: ResultInfo | null,
  extra: Json = {},
): void {
  if (op.status === 'completed' || op.status === 'failed') return;
  op.status = status;
  op.resultInfo = resultInfo;
  Object.assign(op.extra, extra);
  engine.note(call, 'operation', {
    operationId: op.id,
    type: op.type,
    status,
    ...(resultInfo ? { resultInfo } : {}),
  });
  if (call.state !== 'terminated') engine.notifyOperation(call, op);
}

/** The operation's URL, as the Location header gives it. */
export function operationLocation(engine: CallEngine, call: CallRec, op: OperationRec): string {
  return `${engine.deps.publicBase()}/v1.0/communications/calls/${call.id}/operations/${op.id}`;
}

/** The HTTP answer of an action that returns an operation. */
export function operationResponse(
  engine: CallEngine,
  call: CallRec,
  op: OperationRec,
  status = 200,
): HttpResponse {
  return {
    status,
    headers: { Location: operationLocation(engine, call, op) },
    body: {
      '@odata.context': `${engine.deps.publicBase()}/v1.0/$metadata#microsoft.graph.${op.type}`,
      ...operationJson(op),
    },
  };
}

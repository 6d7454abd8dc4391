// Helpers for flows resuming after a restart: the operation a lost task had started, if any.
import type { CallingApi, OperationView } from '../../core';

/** The newest operation of `kind` on the call created at or after `since`. */
export async function latestOperation(
  calling: CallingApi,
  callId: string,
  kind: string,
  since: number,
): Promise<OperationView | undefined> {
  const ops = await calling.operations(callId);
  return ops
    .filter((o) => o.kind === kind && o.createdAt >= since)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}

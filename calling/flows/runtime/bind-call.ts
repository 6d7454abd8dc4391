// Binding a call to a flow outside a step (`runtime.bindCall`): under the flow's lock, the call joins
// the flow's calls and its `flow_key` names the flow, in one transaction, so its events become rows
// under the flow's key from then on.
import type { Clock } from '../../core';
import type { FlowData } from '../../storage';
import { idKey } from '../../ids';
import { commitStep } from './flow-commit';
import { waitForLock, type FlowLockOptions } from './flow-lock';
import { fromRecord } from './flow-record';

export interface BindDeps {
  readonly data: FlowData;
  readonly lock: FlowLockOptions;
  readonly clock: Clock;
}

/** Binds the call to the flow `key`; throws when there is no such flow (or it has ended). */
export async function bindCall(d: BindDeps, key: string, callId: string): Promise<void> {
  await waitForLock(d.lock, `flow:${key}`, async () => {
    const record = await d.data.flows.get(key);
    if (!record || record.doneAt !== null)
      throw new Error(`no running flow ${key} to bind call ${callId} to`);
    const flow = fromRecord(record);
    const known = flow.callIds.some((c) => idKey(c) === idKey(callId));
    await commitStep(
      d.data,
      {
        save: {
          flow: known ? flow : { ...flow, callIds: [...flow.callIds, callId] },
          expectedRev: flow.rev,
          bind: [callId],
          note: `${flow.kind}: call bound to the flow`,
          noteCalls: [callId],
        },
      },
      d.clock.now(),
      record,
    );
  });
}

// What becomes of a flow whose step threw: the flow cannot go on, so the failure is logged, noted on
// its calls' timelines, and a call-bound flow's call handed to the rescue (the fallback), or hung up
// when there is none; a flow with its own key (click-to-call...) is ended and its live calls hung up,
// so nobody waits on a flow that will not move. Never the process.
import type { FlowData } from '../../storage';
import type { CallingApi, CoreLogger } from '../../core';
import { idKey } from '../../ids';
import { hangUpResending } from './resend';

/** Hands a call no flow can drive any more to a fallback; `why` goes to its timeline. */
export type Rescue = (callId: string, why: string) => Promise<void>;

export interface FailureDeps {
  readonly calling: CallingApi;
  readonly log: CoreLogger;
  readonly data?: FlowData;
  readonly rescue?: () => Rescue | undefined;
}

/**
 * Starts the hand-over and returns at once: it runs outside the flow's chain of steps, since the rescue
 * begins a new flow on the call, which queues behind the step that failed.
 */
export function flowFailed(deps: FailureDeps, key: string, err: unknown): void {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  handOver(deps, key, err, `a flow step failed (${what})`).catch((e: unknown) =>
    deps.log.error({ err: e, flowKey: key }, "could not hand a failed flow's calls over"),
  );
}

async function handOver(deps: FailureDeps, key: string, err: unknown, why: string): Promise<void> {
  const flow = await deps.data?.flows.get(key);
  const ownKey = flow !== undefined && !flow.callIds.some((c) => idKey(c) === key);
  if (!ownKey) {
    deps.log.error({ err, callId: key }, 'a flow step failed; handing the call to the fallback');
    return rescueCall(deps, key, why);
  }
  deps.log.error({ err, flowKey: key, callIds: flow.callIds }, 'a flow step failed; ending the flow');
  if (flow.doneAt === null)
    await deps.data?.flows.save({ ...flow, rev: flow.rev + 1, doneAt: Date.now() }, flow.rev);
  for (const callId of flow.callIds) {
    await deps.calling.note(callId, `flow failed: ${why}`);
    const call = await deps.calling.getCall(callId);
    if (call && call.state !== 'terminated') await hangUpResending(deps.calling, callId);
  }
}

async function rescueCall(deps: FailureDeps, callId: string, why: string): Promise<void> {
  await deps.calling.note(callId, `flow failed: ${why}`);
  const call = await deps.calling.getCall(callId);
  if (!call || call.state === 'terminated') return;
  const rescue = deps.rescue?.();
  if (rescue) await rescue(callId, why);
  else await hangUpResending(deps.calling, callId);
}

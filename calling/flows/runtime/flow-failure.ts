// What becomes of a call whose flow step threw: the flow cannot go on, so the failure is logged with the
// call id, noted on the call's timeline, and the call handed to the rescue (the fallback), or hung up
// when there is none. Never the process.
import type { CallingApi, CoreLogger } from '../../core';

/** Hands a call no flow can drive any more to a fallback; `why` goes to its timeline. */
export type Rescue = (callId: string, why: string) => Promise<void>;

export interface FailureDeps {
  readonly calling: CallingApi;
  readonly log: CoreLogger;
  readonly rescue?: () => Rescue | undefined;
}

/**
 * Starts the hand-over and returns at once: it runs outside the call's chain of steps, since the rescue
 * begins a new flow on the call, which queues behind the step that failed.
 */
export function flowFailed(deps: FailureDeps, callId: string, err: unknown): void {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  deps.log.error({ err, callId }, 'a flow step failed; handing the call to the fallback');
  handOver(deps, callId, `a flow step failed (${what})`).catch((e: unknown) =>
    deps.log.error({ err: e, callId }, "could not hand a failed flow's call to the fallback"),
  );
}

async function handOver(deps: FailureDeps, callId: string, why: string): Promise<void> {
  await deps.calling.note(callId, `flow failed: ${why}`);
  const call = await deps.calling.getCall(callId);
  if (!call || call.state === 'terminated') return;
  const rescue = deps.rescue?.();
  if (rescue) await rescue(callId, why);
  else await deps.calling.hangUp(callId);
}

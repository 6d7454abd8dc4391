// Hands a call no flow can drive any more (a flow step that failed, a call the watchdog found idle) to
// the fallback: the IVR's fallback menu, with the front desk's `fallback` person when there is one. A
// call the fallback already had, one the IVR already hung up, or one rescued moments ago is hung up
// instead, so a fallback that fails in turn cannot go round for ever.
import type { CallingApi, Clock, CoreLogger } from '../../core';
import { fallbackState, onlyHangUpLeft, IVR_FLOW, type IvrState } from '../ivr';
import { hangUpResending, type FlowRuntime, type Rescue, type Target } from '../runtime';

export interface RescueOptions {
  readonly calling: CallingApi;
  readonly runtime: FlowRuntime;
  readonly logger: CoreLogger;
  /** Who takes the caller (read at the time of the rescue); none: an apology and a hang-up. */
  readonly fallback: () => Promise<Target | undefined>;
  readonly clock?: Clock;
}

// A call rescued within this long is not rescued again but hung up.
const AGAIN_WITHIN_MS = 10 * 60_000;

/** Builds the rescue the flow runtime and the watchdog call. */
export function createRescue(opts: RescueOptions): Rescue {
  const clock = opts.clock ?? { now: () => Date.now() };
  const recent = new Map<string, number>();

  return async (callId, why) => {
    const call = await opts.calling.getCall(callId);
    if (!call || call.state === 'terminated') return;
    const now = clock.now();
    for (const [id, at] of recent) if (now - at > AGAIN_WITHIN_MS) recent.delete(id);
    const flow = await opts.runtime.get(callId);
    const hadIt =
      recent.has(callId) ||
      (flow !== undefined && flow.kind === IVR_FLOW && onlyHangUpLeft(flow.state as IvrState));
    const log = opts.logger.child({ callId });
    if (hadIt) {
      log.warn({ why }, 'only a hang-up is left for this call');
      await opts.calling.note(callId, `${why}; only a hang-up is left: hanging up`);
      await hangUpResending(opts.calling, callId);
      return;
    }
    recent.set(callId, now);
    log.warn({ why }, 'handing the call to the fallback');
    await opts.runtime.begin(callId, IVR_FLOW, fallbackState(await opts.fallback(), why, now), {
      callIds: [callId],
    });
  };
}

// Puts the queue flow on the runtime and gives the IVR and the front desk one way to start it on a call.
import type { CallingApi } from '../../core';
import type { CallingStorage } from '../../storage';
import { IVR_FLOW } from '../ivr';
import type { FlowRuntime } from '../runtime';
import type { TextPrompts } from '../tts';
import { createQueueFlow } from './queue-flow';
import type { QueuesFile } from './queue-schema';
import { initialQueueState, QUEUE_FLOW } from './queue-state';

/** Starts the queue flow on a call: the caller joins `queue` (the call may be ringing still or answered). */
export type EnterQueue = (callId: string, queue: string, origin: string) => Promise<void>;

/** Registers the queue flow; undefined when no queue is configured (queue steps then take their onFail). */
export function registerQueues(
  runtime: FlowRuntime,
  opts: {
    readonly queues: QueuesFile['queues'];
    readonly calling: CallingApi;
    readonly store: CallingStorage;
    readonly tts?: TextPrompts;
    readonly now?: () => number;
  },
): EnterQueue | undefined {
  const { queues } = opts;
  if (Object.keys(queues).length === 0) return undefined;
  const now = opts.now ?? Date.now;
  runtime.register(
    createQueueFlow({
      queues,
      calling: opts.calling,
      store: opts.store.queues,
      ...(opts.tts ? { tts: opts.tts } : {}),
      handOff: (callId, state, note) => runtime.begin(callId, IVR_FLOW, state, { callIds: [callId], note }),
    }),
  );
  return async (callId, queue, origin) => {
    if (!queues[queue]) throw new Error(`there is no queue "${queue}" in the queues file (QUEUES_CONFIG)`);
    await runtime.begin(callId, QUEUE_FLOW, initialQueueState(queue, { now: now(), origin }), {
      callIds: [callId],
      note: `${origin}: queue ${queue}`,
    });
  };
}

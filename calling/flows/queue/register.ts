// Puts the queue flow on the runtime and gives the IVR and the front desk one way to start it on a call.
import type { CallingApi, CoreLogger } from '../../core';
import { idKey } from '../../ids';
import type { CallingStorage, RingOffer } from '../../storage';
import type { Notifier } from '../notify';
import { IVR_FLOW } from '../ivr';
import type { Directory, FlowRuntime } from '../runtime';
import type { TextPrompts } from '../tts';
import type { PresenceChanges } from './agent-presence';
import { agentIds, createAvailability, type PresenceReader } from './agents';
import { createQueueFlow } from './queue-flow';
import { notifyAgentRung } from './ring-notice';
import { quietRingCards } from './ring-card-log';
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
    /** Agents' presence (Graph's getPresencesByUserId); without it no agent is rung. */
    readonly presence?: PresenceReader;
    /** Agents' presence changes (the app's subscription): an agent's change offers them at once. */
    readonly presenceChanges?: PresenceChanges;
    /** The front desk's people, which agents are named from. */
    readonly directory: () => Promise<Directory>;
    readonly logger: CoreLogger;
    /** Posts an agent's ring card (the bot's card in their personal chat). */
    readonly notifier?: Notifier;
    readonly tts?: TextPrompts;
    readonly now?: () => number;
  },
): EnterQueue | undefined {
  const { queues, calling } = opts;
  if (Object.keys(queues).length === 0) return undefined;
  const log = opts.logger.child({ module: 'calling.queues' });
  if (!opts.presence)
    log.warn({}, 'queues are configured but presence cannot be read: no agent will be rung');
  const now = opts.now ?? Date.now;
  const store = opts.store.queues;
  const { notifier } = opts;
  // Every caller waiting in the queue asks for their own ring; the store lets only the next one have it.
  const kick = async (queue: string) => {
    const waiting = (await store.waiting(queue)).filter((e) => e.status === 'waiting');
    await Promise.all(waiting.map((e) => runtime.dispatch(e.callId, { type: 'custom', name: 'offer' })));
  };
  const availability = opts.presence && createAvailability(opts.presence);
  // A changed presence is read again, and every queue of that agent asks for a ring (an agent no longer
  // Available is simply not offered).
  opts.presenceChanges?.onChange((personId) => {
    availability?.forget(personId);
    (async () => {
      const dir = await opts.directory();
      const theirs = Object.entries(queues).filter(([, q]) => agentIds(q, dir).includes(personId));
      await Promise.all(theirs.map(([name]) => kick(name)));
    })().catch((err: unknown) =>
      log.error({ err, personId }, 'queues not offered to an agent whose presence changed'),
    );
  });
  runtime.register(
    createQueueFlow({
      queues,
      calling,
      store,
      ...(availability ? { availability } : {}),
      directory: opts.directory,
      kick,
      log,
      ...(notifier
        ? {
            agentRung: quietRingCards(
              (offer: RingOffer) =>
                notifyAgentRung(offer, { queues, store, directory: opts.directory, notifier }),
              log,
            ),
          }
        : {}),
      ...(opts.tts ? { tts: opts.tts } : {}),
      handOff: (callId, state, note) => runtime.begin(callId, IVR_FLOW, state, { callIds: [callId], note }),
    }),
  );
  // Flows hear no roster changes: a person leaving a connected queue call is handed to its flow here.
  calling.on('participantsLeft', async ({ call }) => {
    const flow = await runtime.get(call.id);
    if (flow?.kind !== QUEUE_FLOW || flow.doneAt !== undefined || flow.key !== idKey(call.id)) return;
    await runtime.dispatch(call.id, { type: 'custom', name: 'left' });
  });
  return async (callId, queue, origin) => {
    if (!queues[queue]) throw new Error(`there is no queue "${queue}" in the queues file (QUEUES_CONFIG)`);
    await runtime.begin(callId, QUEUE_FLOW, initialQueueState(queue, { now: now(), origin }), {
      callIds: [callId],
      note: `${origin}: queue ${queue}`,
    });
  };
}

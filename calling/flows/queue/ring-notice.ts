// The card an agent gets while a queue rings them: the caller and how long they have waited. Whatever
// rings the agent calls notifyAgentRung with the ring attempt the store decided on (offerNext).
import type { QueueStore, RingOffer } from '../../storage';
import type { AgentRungNotice, Notifier } from '../notify';
import type { Directory } from '../runtime';
import { namedAgents, UNKNOWN_CALLER } from './board';
import type { QueuesFile } from './queue-schema';

export interface RingNoticeDeps {
  readonly queues: QueuesFile['queues'];
  readonly store: Pick<QueueStore, 'entry'>;
  readonly directory: () => Promise<Directory>;
  readonly now?: () => number;
}

/** The notice for a ring attempt: the caller as the queue knows them, the wait counted to now. */
export async function agentRungNotice(offer: RingOffer, deps: RingNoticeDeps): Promise<AgentRungNotice> {
  const q = deps.queues[offer.queue];
  const agentId = offer.agentId.toLowerCase();
  const named = q ? namedAgents(q, await deps.directory()).find((a) => a.id === agentId) : undefined;
  const entry = await deps.store.entry(offer.callId);
  const at = deps.now?.() ?? Date.now();
  return {
    queue: offer.queue,
    ...(q?.description ? { queueDescription: q.description } : {}),
    agentId,
    agentName: named?.name ?? agentId,
    caller: entry?.caller ?? UNKNOWN_CALLER,
    waitedMs: entry ? Math.max(0, at - entry.arrivedAt) : offer.waitedMs,
    callId: offer.callId,
    attemptId: offer.attemptId,
    at,
  };
}

/**
 * Posts the agent's ring card (to their personal chat with the bot). For the ringing code to call right
 * after offerNext; it rejects when the card cannot be posted (the ring goes on regardless: log it).
 */
export async function notifyAgentRung(
  offer: RingOffer,
  deps: RingNoticeDeps & { readonly notifier: Notifier },
): Promise<void> {
  if (!deps.notifier.agentRung) return;
  await deps.notifier.agentRung(await agentRungNotice(offer, deps));
}

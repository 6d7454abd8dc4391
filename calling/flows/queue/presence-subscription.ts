// The agents' presence subscription of the deployment: one shared subscription (graph/
// shared-subscription.ts), so a notification is accepted whichever instance the load balancer hands it to.
import type { CoreLogger } from '../../core';
import {
  createSharedSubscription,
  type SharedSubscription,
  type SharedSubscriptionState,
} from '../../graph/shared-subscription';
import type { GraphClient } from '../../graph/types';
import type { KeyValue, Locks } from '../../storage';

export const PRESENCE_KV = 'calling.queues.presence';
// Graph's maximum for presence is 60 minutes; ask a little less, so clock skew never makes it too long.
export const PRESENCE_LIFETIME_MS = 55 * 60_000;

/** The subscription as the store keeps it. */
export type PresenceSubscriptionState = SharedSubscriptionState;
export type PresenceSubscription = SharedSubscription;

/** The shared subscription over `kv`, `locks` and Graph (as the app). */
export function createPresenceSubscription(d: {
  readonly graph: Pick<GraphClient, 'request'>;
  readonly kv: Pick<KeyValue, 'get' | 'put'>;
  readonly locks: Locks;
  readonly notificationUrl: string;
  readonly renewEveryMs: number;
  readonly now: () => number;
  readonly log: CoreLogger;
}): PresenceSubscription {
  return createSharedSubscription({
    graph: d.graph,
    kv: d.kv,
    locks: d.locks,
    namespace: PRESENCE_KV,
    lockKey: 'calling.queues.presence.subscription',
    label: 'agents’ presence subscription',
    changeType: 'updated',
    notificationUrl: d.notificationUrl,
    lifetimeMs: PRESENCE_LIFETIME_MS,
    due: (state, now) => now - (state.renewedAt ?? 0) >= d.renewEveryMs,
    // Renewal runs on a timer, not a retried job: a subscription not renewed now would lapse before the
    // next try, so any failure makes a new one.
    remakeAfter: () => true,
    now: d.now,
    log: d.log,
  });
}

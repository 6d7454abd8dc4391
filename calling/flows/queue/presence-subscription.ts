// The agents' presence subscription of the deployment, kept in the store's kv: one instance at a time
// (under a store lock) creates, renews or replaces it, and every instance reads its id and clientState
// from there, so a notification is accepted whichever instance the load balancer hands it to.
import { randomBytes } from 'node:crypto';
import type { CoreLogger } from '../../core';
import type { GraphClient } from '../../graph/types';
import type { KeyValue, Locks } from '../../storage';

export const PRESENCE_KV = 'calling.queues.presence';
const STATE_KEY = 'subscription';
const LOCK = 'calling.queues.presence.subscription';
// Graph's maximum for presence is 60 minutes; ask a little less, so clock skew never makes it too long.
export const PRESENCE_LIFETIME_MS = 55 * 60_000;
const APP = { kind: 'app' } as const;

/** The subscription as the store keeps it. */
export interface PresenceSubscriptionState {
  readonly id: string;
  readonly clientState: string;
  readonly resource: string;
  readonly notificationUrl: string;
  readonly expiresAt: number;
  readonly renewedAt: number;
}

export interface PresenceSubscription {
  /** The stored subscription, if any. */
  read(): Promise<PresenceSubscriptionState | undefined>;
  /**
   * Answers the subscription to `resource`: the stored one, renewed when `renewEveryMs` has passed since
   * it was last renewed, or a new one (none yet, expired, another resource or URL).
   */
  ensure(resource: string): Promise<PresenceSubscriptionState>;
  /** Renews now (Graph asked for it), making it again if Graph refuses. */
  renew(resource: string): Promise<PresenceSubscriptionState>;
  /** Graph removed `removedId`: makes a new one, unless another instance already has. */
  replace(resource: string, removedId: string): Promise<PresenceSubscriptionState>;
}

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
  const read = async () => (await d.kv.get<PresenceSubscriptionState>(PRESENCE_KV, STATE_KEY))?.value;
  const expiry = () => new Date(d.now() + PRESENCE_LIFETIME_MS).toISOString();

  async function create(resource: string): Promise<PresenceSubscriptionState> {
    const clientState = randomBytes(32).toString('base64url');
    const res = await d.graph.request<{ id?: string; expirationDateTime?: string }>({
      method: 'POST',
      path: '/subscriptions',
      auth: APP,
      body: {
        changeType: 'updated',
        notificationUrl: d.notificationUrl,
        // Graph says here when to renew, that it removed the subscription, or that changes were missed.
        lifecycleNotificationUrl: d.notificationUrl,
        resource,
        expirationDateTime: expiry(),
        clientState,
      },
    });
    const id = res.body?.id;
    if (!id) throw new Error('Graph created the agents’ presence subscription without naming it');
    const t = d.now();
    const state: PresenceSubscriptionState = {
      id,
      clientState,
      resource,
      notificationUrl: d.notificationUrl,
      expiresAt: Date.parse(res.body?.expirationDateTime ?? '') || t + PRESENCE_LIFETIME_MS,
      renewedAt: t,
    };
    await d.kv.put(PRESENCE_KV, STATE_KEY, state);
    d.log.info({ subscriptionId: id }, 'agents’ presence subscription created');
    return state;
  }

  async function renewOrCreate(state: PresenceSubscriptionState): Promise<PresenceSubscriptionState> {
    try {
      const res = await d.graph.request<{ expirationDateTime?: string }>({
        method: 'PATCH',
        path: `/subscriptions/${encodeURIComponent(state.id)}`,
        auth: APP,
        body: { expirationDateTime: expiry() },
      });
      const t = d.now();
      const renewed: PresenceSubscriptionState = {
        ...state,
        expiresAt: Date.parse(res.body?.expirationDateTime ?? '') || t + PRESENCE_LIFETIME_MS,
        renewedAt: t,
      };
      await d.kv.put(PRESENCE_KV, STATE_KEY, renewed);
      return renewed;
    } catch (err) {
      d.log.warn(
        { err, subscriptionId: state.id },
        'agents’ presence subscription not renewed; making it again',
      );
      return create(state.resource);
    }
  }

  async function dropQuietly(state: PresenceSubscriptionState): Promise<void> {
    await d.graph
      .request({ method: 'DELETE', path: `/subscriptions/${encodeURIComponent(state.id)}`, auth: APP })
      .catch((err: unknown) =>
        d.log.info({ err, subscriptionId: state.id }, 'old agents’ presence subscription not deleted'),
      );
  }

  const locked = <T>(fn: () => Promise<T>) =>
    // Creating waits for Graph's validation handshake (up to 10 s), hence the long wait and lease.
    d.locks.withLock(LOCK, fn, { waitMs: 30_000, leaseMs: 60_000 });

  return {
    read,
    ensure: (resource) =>
      locked(async () => {
        const state = await read();
        if (!state || state.expiresAt <= d.now()) return create(resource);
        if (state.resource !== resource || state.notificationUrl !== d.notificationUrl) {
          // Other agents or a new PUBLIC_URL: the old subscription goes, a new one takes its place.
          await dropQuietly(state);
          return create(resource);
        }
        return d.now() - state.renewedAt >= d.renewEveryMs ? renewOrCreate(state) : state;
      }),
    renew: (resource) =>
      locked(async () => {
        const state = await read();
        return state && state.resource === resource ? renewOrCreate(state) : create(resource);
      }),
    replace: (resource, removedId) =>
      locked(async () => {
        const state = await read();
        if (state && state.id !== removedId && state.resource === resource) return state;
        return create(resource);
      }),
  };
}

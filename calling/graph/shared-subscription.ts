// A Graph change-notification subscription made as the app and shared by every instance of the
// deployment: kept in the store's kv (id, clientState, resource, URL, expiry), so whichever instance a
// notification reaches can check its clientState, and created, renewed or replaced by one instance at a
// time under a store lock. Call records and the queues' agents' presence are two of these.
import { randomBytes } from 'node:crypto';
import type { KeyValue, Locks } from '../storage';
import type { GraphClient } from './types';

/** The subscription as the store keeps it. */
export interface SharedSubscriptionState {
  readonly id: string;
  readonly clientState: string;
  /** Absent in call-record subscriptions stored before it was kept: theirs is the only resource. */
  readonly resource?: string;
  readonly notificationUrl: string;
  readonly expiresAt: number;
  /** When it was created or last renewed (absent in records stored before it was kept). */
  readonly renewedAt?: number;
}

export interface SharedSubscription {
  /** The stored subscription, if any. */
  read(): Promise<SharedSubscriptionState | undefined>;
  /**
   * Answers the subscription to `resource`: the stored one, renewed when `due` says so, or a new one
   * (none yet, expired, another resource or notification URL; the old one is deleted).
   */
  ensure(resource: string): Promise<SharedSubscriptionState>;
  /** Renews now (Graph's `reauthorizationRequired`), making a new one when `remakeAfter` allows. */
  renew(resource: string): Promise<SharedSubscriptionState>;
  /**
   * Graph removed a subscription (`subscriptionRemoved`): makes a new one, unless the stored one is
   * already another than `removedId` (another instance replaced it first).
   */
  replace(resource: string, removedId?: string): Promise<SharedSubscriptionState>;
}

export interface SharedSubscriptionOptions {
  readonly graph: Pick<GraphClient, 'request'>;
  readonly kv: Pick<KeyValue, 'get' | 'put'>;
  readonly locks: Locks;
  /** The kv namespace; the state is its `subscription` key. */
  readonly namespace: string;
  readonly lockKey: string;
  /** What the logs call it, e.g. "call-record subscription". */
  readonly label: string;
  readonly changeType: string;
  readonly notificationUrl: string;
  /** How long each creation or renewal asks for (under Graph's maximum for the resource). */
  readonly lifetimeMs: number;
  /** Whether a stored, unexpired subscription should be renewed now. */
  due(state: SharedSubscriptionState, now: number): boolean;
  /** Whether a failed renewal makes a new subscription (otherwise the failure is thrown). */
  remakeAfter(err: unknown): boolean;
  readonly now: () => number;
  readonly log: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
}

const STATE_KEY = 'subscription';
const APP = { kind: 'app' } as const;

/** The deployment's subscription described by `o`. */
export function createSharedSubscription(o: SharedSubscriptionOptions): SharedSubscription {
  const read = async () => (await o.kv.get<SharedSubscriptionState>(o.namespace, STATE_KEY))?.value;
  const expiry = () => new Date(o.now() + o.lifetimeMs).toISOString();
  const expiresAt = (given: string | undefined, t: number) => Date.parse(given ?? '') || t + o.lifetimeMs;
  const sameResource = (s: SharedSubscriptionState, resource: string) =>
    s.resource === undefined || s.resource === resource;

  async function create(resource: string): Promise<SharedSubscriptionState> {
    const clientState = randomBytes(32).toString('base64url');
    const res = await o.graph.request<{ id?: string; expirationDateTime?: string }>({
      method: 'POST',
      path: '/subscriptions',
      auth: APP,
      body: {
        changeType: o.changeType,
        notificationUrl: o.notificationUrl,
        // Graph says here when to renew, that it removed the subscription, or that changes were missed.
        lifecycleNotificationUrl: o.notificationUrl,
        resource,
        expirationDateTime: expiry(),
        clientState,
      },
    });
    const id = res.body?.id;
    if (!id) throw new Error(`Graph created the ${o.label} without naming it`);
    const t = o.now();
    const state: SharedSubscriptionState = {
      id,
      clientState,
      resource,
      notificationUrl: o.notificationUrl,
      expiresAt: expiresAt(res.body?.expirationDateTime, t),
      renewedAt: t,
    };
    await o.kv.put(o.namespace, STATE_KEY, state);
    o.log.info(
      { subscriptionId: id, expiresAt: new Date(state.expiresAt).toISOString() },
      `${o.label} created`,
    );
    return state;
  }

  async function renewOrRemake(state: SharedSubscriptionState, resource: string) {
    try {
      const res = await o.graph.request<{ expirationDateTime?: string }>({
        method: 'PATCH',
        path: `/subscriptions/${encodeURIComponent(state.id)}`,
        auth: APP,
        body: { expirationDateTime: expiry() },
      });
      const t = o.now();
      const renewed: SharedSubscriptionState = {
        ...state,
        resource,
        expiresAt: expiresAt(res.body?.expirationDateTime, t),
        renewedAt: t,
      };
      await o.kv.put(o.namespace, STATE_KEY, renewed);
      o.log.info({ subscriptionId: state.id }, `${o.label} renewed`);
      return renewed;
    } catch (err) {
      if (!o.remakeAfter(err)) throw err;
      o.log.warn({ err, subscriptionId: state.id }, `${o.label} not renewed; making it again`);
      return create(resource);
    }
  }

  async function dropQuietly(state: SharedSubscriptionState): Promise<void> {
    await o.graph
      .request({ method: 'DELETE', path: `/subscriptions/${encodeURIComponent(state.id)}`, auth: APP })
      .catch((err: unknown) => o.log.info({ err, subscriptionId: state.id }, `old ${o.label} not deleted`));
  }

  const locked = <T>(fn: () => Promise<T>) =>
    // Creating waits for Graph's validation handshake (up to 10 s), hence the long wait and lease.
    o.locks.withLock(o.lockKey, fn, { waitMs: 30_000, leaseMs: 60_000 });

  return {
    read,
    ensure: (resource) =>
      locked(async () => {
        const state = await read();
        if (!state || state.expiresAt <= o.now()) return create(resource);
        if (!sameResource(state, resource) || state.notificationUrl !== o.notificationUrl) {
          // Another resource or a new PUBLIC_URL: the old subscription goes, a new one takes its place.
          await dropQuietly(state);
          return create(resource);
        }
        return o.due(state, o.now()) ? renewOrRemake(state, resource) : state;
      }),
    renew: (resource) =>
      locked(async () => {
        const state = await read();
        return state && sameResource(state, resource) ? renewOrRemake(state, resource) : create(resource);
      }),
    replace: (resource, removedId) =>
      locked(async () => {
        const state = await read();
        if (state && removedId !== undefined && state.id !== removedId && sameResource(state, resource))
          return state;
        return create(resource);
      }),
  };
}

// The app-only change-notification subscription on /communications/callRecords (SPEC §8.1): created
// once for the deployment (under a store lock, so two instances do not both create one), kept in the
// store's kv so every instance can check a notification's clientState, and renewed well before its
// expiry. A subscription Graph no longer knows (404 on renewal) is created again.
import { randomBytes } from 'node:crypto';
import type { KeyValue, Locks } from '../storage';
import { isCallingError } from '../errors';
import type { GraphClient } from '../graph';

export const RECORDS_KV = 'calling.records';
const STATE_KEY = 'subscription';
const RESOURCE = '/communications/callRecords';
// Graph allows 4230 minutes for call records; ask a little less so clock skew never makes it too long.
export const SUBSCRIPTION_LIFETIME_MS = 4200 * 60_000;
/** How long before expiry a subscription is renewed. */
export const RENEW_LEAD_MS = 24 * 3600_000;

/** The subscription as the store keeps it. */
export interface RecordSubscriptionState {
  readonly id: string;
  readonly clientState: string;
  readonly notificationUrl: string;
  readonly expiresAt: number;
}

export interface RecordSubscriptionDeps {
  readonly graph: GraphClient;
  readonly kv: Pick<KeyValue, 'get' | 'put' | 'delete'>;
  readonly locks: Locks;
  readonly notificationUrl: string;
  readonly now: () => number;
  readonly logger: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
}

export interface RecordSubscription {
  /** The stored subscription, if any. */
  current(): Promise<RecordSubscriptionState | undefined>;
  /** Creates the subscription, or renews it when it is due (or points it at a new URL); answers it. */
  ensure(): Promise<RecordSubscriptionState>;
  /** Renews now (a reauthorizationRequired notice), creating anew if Graph forgot it. */
  renew(): Promise<RecordSubscriptionState>;
  /** Forgets the subscription and makes a new one (a subscriptionRemoved notice). */
  replace(): Promise<RecordSubscriptionState>;
}

const APP = { kind: 'app' } as const;

/** The call-record subscription of this deployment. */
export function createRecordSubscription(d: RecordSubscriptionDeps): RecordSubscription {
  const read = async () => (await d.kv.get<RecordSubscriptionState>(RECORDS_KV, STATE_KEY))?.value;
  const expiry = () => new Date(d.now() + SUBSCRIPTION_LIFETIME_MS).toISOString();

  async function create(): Promise<RecordSubscriptionState> {
    const clientState = randomBytes(32).toString('base64url');
    const res = await d.graph.request<{ id?: string; expirationDateTime?: string }>({
      method: 'POST',
      path: '/subscriptions',
      auth: APP,
      body: {
        changeType: 'created,updated',
        notificationUrl: d.notificationUrl,
        lifecycleNotificationUrl: d.notificationUrl,
        resource: RESOURCE,
        expirationDateTime: expiry(),
        clientState,
      },
    });
    const id = res.body?.id;
    if (!id) throw new Error('Graph created the call-record subscription without naming it');
    const state: RecordSubscriptionState = {
      id,
      clientState,
      notificationUrl: d.notificationUrl,
      expiresAt: Date.parse(res.body?.expirationDateTime ?? '') || d.now() + SUBSCRIPTION_LIFETIME_MS,
    };
    await d.kv.put(RECORDS_KV, STATE_KEY, state);
    d.logger.info(
      { subscriptionId: id, expiresAt: new Date(state.expiresAt).toISOString() },
      'call-record subscription created',
    );
    return state;
  }

  async function renewOrCreate(state: RecordSubscriptionState): Promise<RecordSubscriptionState> {
    try {
      const res = await d.graph.request<{ expirationDateTime?: string }>({
        method: 'PATCH',
        path: `/subscriptions/${encodeURIComponent(state.id)}`,
        auth: APP,
        body: { expirationDateTime: expiry() },
      });
      const renewed = {
        ...state,
        expiresAt: Date.parse(res.body?.expirationDateTime ?? '') || d.now() + SUBSCRIPTION_LIFETIME_MS,
      };
      await d.kv.put(RECORDS_KV, STATE_KEY, renewed);
      d.logger.info({ subscriptionId: state.id }, 'call-record subscription renewed');
      return renewed;
    } catch (err) {
      if (!isCallingError(err, 'graph_not_found')) throw err;
      d.logger.warn(
        { subscriptionId: state.id },
        'Graph no longer has the call-record subscription; creating a new one',
      );
      return create();
    }
  }

  async function dropQuietly(state: RecordSubscriptionState): Promise<void> {
    await d.graph
      .request({ method: 'DELETE', path: `/subscriptions/${encodeURIComponent(state.id)}`, auth: APP })
      .catch((err: unknown) =>
        d.logger.info({ err, subscriptionId: state.id }, 'old call-record subscription not deleted'),
      );
  }

  const locked = <T>(fn: () => Promise<T>) =>
    // Creating waits for Graph's validation handshake (up to 10 s), hence the long wait and lease.
    d.locks.withLock('calling.records.subscription', fn, { waitMs: 30_000, leaseMs: 60_000 });

  return {
    current: read,
    ensure: () =>
      locked(async () => {
        const state = await read();
        if (!state || state.expiresAt <= d.now()) return create();
        if (state.notificationUrl !== d.notificationUrl) {
          // PUBLIC_URL changed: notifications must go to the new address, and the old subscription away.
          await dropQuietly(state);
          return create();
        }
        return state.expiresAt - d.now() <= RENEW_LEAD_MS ? renewOrCreate(state) : state;
      }),
    renew: () =>
      locked(async () => {
        const state = await read();
        return state ? renewOrCreate(state) : create();
      }),
    replace: () =>
      locked(async () => {
        await d.kv.delete(RECORDS_KV, STATE_KEY);
        return create();
      }),
  };
}

// The app-only change-notification subscription on /communications/callRecords (SPEC §8.1): created
// once for the deployment (under a store lock, so two instances do not both create one), kept in the
// store's kv so every instance can check a notification's clientState, and renewed well before its
// expiry. A subscription Graph no longer knows (404 on renewal) is created again.
import type { KeyValue, Locks } from '../storage';
import { isCallingError } from '../errors';
import type { GraphClient } from '../graph';
import { createSharedSubscription, type SharedSubscriptionState } from '../graph/shared-subscription';

export const RECORDS_KV = 'calling.records';
const RESOURCE = '/communications/callRecords';
// Graph allows 4230 minutes for call records; ask a little less so clock skew never makes it too long.
export const SUBSCRIPTION_LIFETIME_MS = 4200 * 60_000;
/** How long before expiry a subscription is renewed. */
export const RENEW_LEAD_MS = 24 * 3600_000;

/** The subscription as the store keeps it. */
export type RecordSubscriptionState = SharedSubscriptionState;

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

/** The call-record subscription of this deployment. */
export function createRecordSubscription(d: RecordSubscriptionDeps): RecordSubscription {
  const shared = createSharedSubscription({
    graph: d.graph,
    kv: d.kv,
    locks: d.locks,
    namespace: RECORDS_KV,
    lockKey: 'calling.records.subscription',
    label: 'call-record subscription',
    changeType: 'created,updated',
    notificationUrl: d.notificationUrl,
    lifetimeMs: SUBSCRIPTION_LIFETIME_MS,
    due: (state, now) => state.expiresAt - now <= RENEW_LEAD_MS,
    // A renewal that failed otherwise is retried by the records job; only a forgotten one is made anew.
    remakeAfter: (err) => isCallingError(err, 'graph_not_found'),
    now: d.now,
    log: d.logger,
  });
  return {
    current: shared.read,
    ensure: () => shared.ensure(RESOURCE),
    renew: () => shared.renew(RESOURCE),
    replace: () => shared.replace(RESOURCE),
  };
}

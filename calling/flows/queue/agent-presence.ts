// The agents' presence followed with a Graph change-notification subscription made as the app
// (Presence.Read.All): a change is heard within seconds, where reading presence again would wait for
// the next announcement round. The subscription is the deployment's, not an instance's: it lives in the
// store (presence-subscription.ts), so behind a load balancer every instance accepts its notifications.
import { timingSafeEqual } from 'node:crypto';
import type { CoreLogger } from '../../core';
import type { GraphClient } from '../../graph/types';
import type { KeyValue, Locks } from '../../storage';
import { createPresenceSubscription, type PresenceSubscriptionState } from './presence-subscription';

// Renew well before Graph's 60-minute limit; each instance looks every few minutes whether it is due.
const RENEW_MS = 45 * 60_000;
const CHECK_MS = 5 * 60_000;
// Subscriptions seen not to be ours (the tab's); remembered so their notifications do not read the kv.
const FOREIGN_LIMIT = 1000;
/** Graph's limit on users per presence subscription. */
export const PRESENCE_SUBSCRIPTION_LIMIT = 650;

/** Whose presence changed, for the queues to act on (Graph's basic notifications name the person only). */
export interface PresenceChanges {
  onChange(listener: (personId: string) => void): void;
}

export interface AgentPresence extends PresenceChanges {
  /** Subscribes to `ids` (replacing a subscription to other ids); rejects when Graph refuses. */
  follow(ids: readonly string[]): Promise<void>;
  /** Takes the subscription's items from a notification collection; answers the people who changed. */
  accept(body: unknown): Promise<string[]>;
  /** Stops looking after the subscription (it is the deployment's: other instances keep it alive). */
  stop(): Promise<void>;
}

type Item = Record<string, unknown>;

function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether an item of an unknown subscription may be ours: a presence change, or a lifecycle notice. */
const mayBeOurs = (n: Item) =>
  /presences/i.test(String(n['resource'] ?? '')) || typeof n['lifecycleEvent'] === 'string';

function personOf(n: Item): string | undefined {
  const data = n['resourceData'] as { id?: unknown } | undefined;
  const id =
    typeof data?.id === 'string' ? data.id : /presences\('([^']+)'\)/i.exec(String(n['resource']))?.[1];
  return id?.toLowerCase();
}

/** The deployment's subscription to its agents' presence, notifying `notificationUrl`. */
export function createAgentPresence(opts: {
  readonly graph: Pick<GraphClient, 'request'>;
  readonly kv: Pick<KeyValue, 'get' | 'put'>;
  readonly locks: Locks;
  readonly notificationUrl: string;
  readonly logger: CoreLogger;
  readonly now?: () => number;
  /** How long after its last renewal the subscription is renewed (default 45 minutes). */
  readonly renewEveryMs?: number;
}): AgentPresence {
  const log = opts.logger.child({ module: 'calling.queues.presence' });
  const renewEveryMs = opts.renewEveryMs ?? RENEW_MS;
  const shared = createPresenceSubscription({
    ...opts,
    renewEveryMs,
    now: opts.now ?? Date.now,
    log,
  });
  const listeners: Array<(personId: string) => void> = [];
  const foreign = new Set<string>();
  let known: PresenceSubscriptionState | undefined;
  let resource: string | undefined;
  let followed: readonly string[] = [];
  let timer: NodeJS.Timeout | undefined;

  const keep = (state: PresenceSubscriptionState) => {
    known = state;
    return state;
  };

  /** The subscription an item belongs to, if ours: the one known, or the store's when it is newer. */
  async function ownerOf(n: Item, fresh: { read: boolean }): Promise<PresenceSubscriptionState | undefined> {
    const id = String(n['subscriptionId'] ?? '').toLowerCase();
    if (known && known.id.toLowerCase() === id) return known;
    if (!mayBeOurs(n) || foreign.has(id) || fresh.read) return undefined;
    // Another instance may have made it (again): the store knows.
    fresh.read = true;
    const stored = await shared.read();
    if (stored) known = stored;
    if (stored?.id.toLowerCase() === id) return stored;
    if (foreign.size >= FOREIGN_LIMIT) foreign.clear();
    foreign.add(id);
    return undefined;
  }

  /** Graph's word on the subscription itself; answers the people to treat as changed. */
  async function onLifecycle(
    event: string,
    owner: PresenceSubscriptionState,
    current: string,
  ): Promise<readonly string[]> {
    log.info({ event, subscriptionId: owner.id }, 'agents’ presence subscription lifecycle notice');
    if (event === 'reauthorizationRequired') keep(await shared.renew(current));
    else if (event === 'subscriptionRemoved') keep(await shared.replace(current, owner.id));
    // Changes were lost: every agent's presence is read again.
    else if (event === 'missed') return followed;
    return [];
  }

  return {
    onChange(listener) {
      listeners.push(listener);
    },
    async follow(wanted) {
      // Sorted: every instance asks for the same resource, so they share one subscription.
      let ids = [...new Set(wanted.map((id) => id.toLowerCase()))].sort();
      if (ids.length > PRESENCE_SUBSCRIPTION_LIMIT)
        log.warn(
          { agents: ids.length },
          `only the first ${PRESENCE_SUBSCRIPTION_LIMIT} agents' presence is followed; the others are noticed at announcement rounds`,
        );
      ids = ids.slice(0, PRESENCE_SUBSCRIPTION_LIMIT);
      if (ids.length === 0) return;
      const quoted = ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
      const wantedResource = `/communications/presences?$filter=id in (${quoted})`;
      resource = wantedResource;
      followed = ids;
      keep(await shared.ensure(wantedResource));
      if (timer) clearInterval(timer);
      timer = setInterval(
        () => {
          shared
            .ensure(wantedResource)
            .then(keep)
            .catch((err: unknown) =>
              log.error(
                { err },
                'agents’ presence subscription lost: agents are noticed at announcement rounds',
              ),
            );
        },
        Math.min(renewEveryMs, CHECK_MS),
      );
      timer.unref();
    },
    async accept(body) {
      const value = typeof body === 'object' && body !== null ? (body as Item)['value'] : undefined;
      if (!Array.isArray(value) || resource === undefined) return [];
      const changed: string[] = [];
      const fresh = { read: false };
      for (const item of value as unknown[]) {
        if (typeof item !== 'object' || item === null) continue;
        const n = item as Item;
        // Others' subscriptions (the tab's, call records) are theirs to check.
        const owner = await ownerOf(n, fresh);
        if (!owner) continue;
        // Our subscription without our secret did not come from Graph.
        if (!sameSecret(n['clientState'], owner.clientState)) {
          log.warn({ subscriptionId: owner.id }, 'presence notification with a wrong clientState refused');
          continue;
        }
        const event = n['lifecycleEvent'];
        const people = typeof event === 'string' ? await onLifecycle(event, owner, resource) : [personOf(n)];
        for (const id of people) if (id && !changed.includes(id)) changed.push(id);
      }
      for (const id of changed) for (const l of listeners) l(id);
      return changed;
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

// Presence followed with Graph change notifications: one subscription per open stream on the people it
// watches, made as the user (on-behalf-of), notifications to the app's /api/notifications, checked by a
// per-subscription clientState. Creating one needs a notification URL Graph can reach; when it fails the
// stream polls instead, and the events are the same.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { TabUser } from '../auth/types';
import type { TabGraphRequests, TabLogger } from '../ports';

// Graph's maximum for presence is 60 minutes; the stream renews a little before.
const LIFETIME_MS = 55 * 60_000;
const RENEW_MS = 45 * 60_000;

interface Subscription {
  readonly id: string;
  readonly secret: Buffer;
  readonly onChanged: (personId: string) => void;
}

export interface PresenceSubscriptions {
  /**
   * Subscribes for `user` to `ids`; `onChanged` hears whose presence changed (Graph's basic notifications
   * name the person only). Resolves to the stop function, or undefined when Graph refused.
   */
  follow(
    user: TabUser,
    ids: readonly string[],
    onChanged: (personId: string) => void,
  ): Promise<(() => void) | undefined>;
  /** Handles one change-notification collection; answers how many notifications were taken. */
  accept(body: unknown): number;
}

/** Subscriptions over `graph`, notifying `notificationUrl`. */
export function createPresenceSubscriptions(
  graph: TabGraphRequests,
  notificationUrl: string,
  logger: TabLogger,
  now: () => number = Date.now,
): PresenceSubscriptions {
  const live = new Map<string, Subscription>();

  return {
    async follow(user, ids, onChanged) {
      const secret = randomBytes(24).toString('base64url');
      const quoted = ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
      const auth = { kind: 'user' as const, userAssertion: user.assertion };
      const context = { tenantId: user.tenantId };
      let id: string;
      try {
        const res = await graph.request<{ id?: string }>({
          method: 'POST',
          path: '/subscriptions',
          auth,
          context,
          body: {
            changeType: 'updated',
            notificationUrl,
            resource: `/communications/presences?$filter=id in (${quoted})`,
            expirationDateTime: new Date(now() + LIFETIME_MS).toISOString(),
            clientState: secret,
          },
        });
        if (!res.body?.id) throw new Error('Graph answered without a subscription id');
        id = res.body.id;
      } catch (err) {
        logger.info({ err, userId: user.id }, 'presence subscription refused; polling instead');
        return undefined;
      }
      live.set(id, { id, secret: Buffer.from(secret), onChanged });
      const renew = setInterval(() => {
        graph
          .request({
            method: 'PATCH',
            path: `/subscriptions/${encodeURIComponent(id)}`,
            auth,
            context,
            body: { expirationDateTime: new Date(now() + LIFETIME_MS).toISOString() },
          })
          .catch((err: unknown) =>
            logger.warn({ err, subscriptionId: id }, 'presence subscription renewal failed'),
          );
      }, RENEW_MS);
      renew.unref();
      return () => {
        clearInterval(renew);
        live.delete(id);
        graph
          .request({ method: 'DELETE', path: `/subscriptions/${encodeURIComponent(id)}`, auth, context })
          .catch((err: unknown) =>
            logger.debug({ err, subscriptionId: id }, 'presence subscription delete failed'),
          );
      };
    },

    accept(body) {
      const value = (body as { value?: unknown } | undefined)?.value;
      if (!Array.isArray(value)) return 0;
      let taken = 0;
      for (const n of value as Array<Record<string, unknown>>) {
        const sub = typeof n['subscriptionId'] === 'string' ? live.get(n['subscriptionId']) : undefined;
        const state = typeof n['clientState'] === 'string' ? Buffer.from(n['clientState']) : undefined;
        // A notification without the subscription's secret did not come from Graph; it is dropped.
        if (!sub || !state || state.length !== sub.secret.length || !timingSafeEqual(state, sub.secret))
          continue;
        const data = n['resourceData'] as { id?: unknown } | undefined;
        const personId =
          typeof data?.id === 'string' ? data.id : /presences\('([^']+)'\)/.exec(String(n['resource']))?.[1];
        if (!personId) continue;
        sub.onChanged(personId);
        taken++;
      }
      return taken;
    },
  };
}

// The agents' presence followed with a Graph change-notification subscription made as the app
// (Presence.Read.All): a change is heard within seconds, where reading presence again would wait for
// the next announcement round. The subscription is this instance's own (its clientState is kept in
// memory), renewed before Graph's 60-minute limit and made again when renewing fails.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CoreLogger } from '../../core';
import type { GraphClient } from '../../graph/types';

// How long stopping waits for the subscription's deletion before it lets shutdown go on.
const STOP_WAIT_MS = 1_500;

// Graph's maximum for presence is 60 minutes; ask a little less, renew well before.
const LIFETIME_MS = 55 * 60_000;
const RENEW_MS = 45 * 60_000;
/** Graph's limit on users per presence subscription. */
export const PRESENCE_SUBSCRIPTION_LIMIT = 650;

const APP = { kind: 'app' } as const;

/** Whose presence changed, for the queues to act on (Graph's basic notifications name the person only). */
export interface PresenceChanges {
  onChange(listener: (personId: string) => void): void;
}

export interface AgentPresence extends PresenceChanges {
  /** Subscribes to `ids` (replacing any earlier subscription); rejects when Graph refuses. */
  follow(ids: readonly string[]): Promise<void>;
  /** Takes this subscription's items from a notification collection; answers the people who changed. */
  accept(body: unknown): string[];
  /** Stops renewing and deletes the subscription. */
  stop(): Promise<void>;
}

interface Live {
  readonly id: string;
  readonly secret: Buffer;
}

function sameSecret(given: unknown, secret: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const b = Buffer.from(given);
  return b.length === secret.length && timingSafeEqual(b, secret);
}

/** The app's subscription to its agents' presence, notifying `notificationUrl`. */
export function createAgentPresence(opts: {
  readonly graph: Pick<GraphClient, 'request'>;
  readonly notificationUrl: string;
  readonly logger: CoreLogger;
  readonly now?: () => number;
  /** How often the subscription is renewed (default 45 minutes). */
  readonly renewEveryMs?: number;
}): AgentPresence {
  const now = opts.now ?? Date.now;
  const log = opts.logger.child({ module: 'calling.queues.presence' });
  const listeners: Array<(personId: string) => void> = [];
  let live: Live | undefined;
  let ids: readonly string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const expiry = () => new Date(now() + LIFETIME_MS).toISOString();

  async function create(): Promise<void> {
    const secret = randomBytes(32).toString('base64url');
    const quoted = ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
    const res = await opts.graph.request<{ id?: string }>({
      method: 'POST',
      path: '/subscriptions',
      auth: APP,
      body: {
        changeType: 'updated',
        notificationUrl: opts.notificationUrl,
        resource: `/communications/presences?$filter=id in (${quoted})`,
        expirationDateTime: expiry(),
        clientState: secret,
      },
    });
    const id = res.body?.id;
    if (!id) throw new Error('Graph created the agents’ presence subscription without naming it');
    live = { id, secret: Buffer.from(secret) };
    log.info({ subscriptionId: id, agents: ids.length }, 'agents’ presence subscription created');
  }

  async function renew(): Promise<void> {
    const current = live;
    if (!current) return create();
    try {
      await opts.graph.request({
        method: 'PATCH',
        path: `/subscriptions/${encodeURIComponent(current.id)}`,
        auth: APP,
        body: { expirationDateTime: expiry() },
      });
    } catch (err) {
      log.warn(
        { err, subscriptionId: current.id },
        'agents’ presence subscription not renewed; making it again',
      );
      await create();
    }
  }

  async function drop(): Promise<void> {
    const current = live;
    live = undefined;
    if (!current) return;
    await opts.graph
      .request({ method: 'DELETE', path: `/subscriptions/${encodeURIComponent(current.id)}`, auth: APP })
      .catch((err: unknown) =>
        log.info({ err, subscriptionId: current.id }, 'old agents’ presence subscription not deleted'),
      );
  }

  return {
    onChange(listener) {
      listeners.push(listener);
    },
    async follow(wanted) {
      ids = [...new Set(wanted.map((id) => id.toLowerCase()))];
      if (ids.length > PRESENCE_SUBSCRIPTION_LIMIT)
        log.warn(
          { agents: ids.length },
          `only the first ${PRESENCE_SUBSCRIPTION_LIMIT} agents' presence is followed; the others are noticed at announcement rounds`,
        );
      ids = ids.slice(0, PRESENCE_SUBSCRIPTION_LIMIT);
      await drop();
      if (ids.length === 0) return;
      await create();
      if (timer) clearInterval(timer);
      timer = setInterval(() => {
        renew().catch((err: unknown) =>
          log.error({ err }, 'agents’ presence subscription lost: agents are noticed at announcement rounds'),
        );
      }, opts.renewEveryMs ?? RENEW_MS);
      timer.unref();
    },
    accept(body) {
      const value =
        typeof body === 'object' && body !== null ? (body as { value?: unknown }).value : undefined;
      const current = live;
      if (!Array.isArray(value) || !current) return [];
      const changed: string[] = [];
      for (const item of value as unknown[]) {
        if (typeof item !== 'object' || item === null) continue;
        const n = item as Record<string, unknown>;
        // Others' subscriptions (the tab's, call records) are theirs to check.
        if (String(n['subscriptionId'] ?? '').toLowerCase() !== current.id.toLowerCase()) continue;
        // Our subscription without our secret did not come from Graph.
        if (!sameSecret(n['clientState'], current.secret)) {
          log.warn({ subscriptionId: current.id }, 'presence notification with a wrong clientState refused');
          continue;
        }
        const data = n['resourceData'] as { id?: unknown } | undefined;
        const personId =
          typeof data?.id === 'string' ? data.id : /presences\('([^']+)'\)/i.exec(String(n['resource']))?.[1];
        if (personId && !changed.includes(personId.toLowerCase())) changed.push(personId.toLowerCase());
      }
      for (const id of changed) for (const l of listeners) l(id);
      return changed;
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      // Stopping is part of shutting down, which must not wait on Graph (whose retries can take many
      // seconds when it is gone too): a subscription left behind expires on its own within its lifetime.
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        drop(),
        new Promise<void>((resolve) => {
          waited = setTimeout(resolve, STOP_WAIT_MS);
        }),
      ]);
      clearTimeout(waited);
    },
  };
}

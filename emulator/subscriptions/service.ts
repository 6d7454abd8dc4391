// The subscriptions the tenant's apps hold: their lifetimes on the emulator clock (a reauthorization
// notice before expiry, removal and a subscriptionRemoved notice at expiry, both to the
// lifecycleNotificationUrl), and the change notifications for new call records and presence changes,
// each carrying the subscription's clientState.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { callRecordNotification, changeNotification, changeNotificationCollection } from '../notify';
import type { SubscriptionRef } from '../notify';
import { matchesFilter } from '../odata';
import type { NotificationQueues } from './delivery';
import type { DeliveryLog, SubscriptionRec } from './model';
import { notificationDate } from './model';

/** How long before expiry a subscription with a lifecycle URL hears `reauthorizationRequired`. */
export const REAUTHORIZE_LEAD_MS = 10 * 60_000;
const LOG_LIMIT = 50;

export type NewSubscription = Omit<SubscriptionRec, 'id' | 'createdAt' | 'timers' | 'deliveries'>;
export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';
export const LIFECYCLE_EVENTS: readonly LifecycleEvent[] = [
  'reauthorizationRequired',
  'subscriptionRemoved',
  'missed',
];

/** Stored subscriptions and what they are told. */
export class SubscriptionService {
  private readonly subs = new Map<string, SubscriptionRec>();

  constructor(private readonly deps: { clock: Clock; queues: NotificationQueues }) {}

  add(init: NewSubscription): SubscriptionRec {
    const sub: SubscriptionRec = {
      ...init,
      id: randomUUID(),
      createdAt: this.deps.clock.now(),
      timers: [],
      deliveries: [],
    };
    this.subs.set(sub.id, sub);
    this.schedule(sub);
    return sub;
  }

  get(id: string): SubscriptionRec | undefined {
    return (
      this.subs.get(id.toLowerCase()) ??
      [...this.subs.values()].find((s) => s.id.toLowerCase() === id.toLowerCase())
    );
  }

  list(): SubscriptionRec[] {
    return [...this.subs.values()];
  }

  /** A renewal (or new URL): the lifecycle timers start again from the new expiry. */
  renew(sub: SubscriptionRec, changes: { expiresAt?: number; notificationUrl?: string }): void {
    if (changes.expiresAt !== undefined) sub.expiresAt = changes.expiresAt;
    if (changes.notificationUrl !== undefined) sub.notificationUrl = changes.notificationUrl;
    this.schedule(sub);
  }

  /** Deletes a subscription without notices (DELETE /subscriptions/{id}). */
  remove(sub: SubscriptionRec): void {
    for (const t of sub.timers) this.deps.clock.clearTimer(t);
    sub.timers = [];
    this.subs.delete(sub.id);
  }

  /**
   * Sends `event` now, as Graph does when it must (the control API): `subscriptionRemoved` removes the
   * subscription first, as Graph does when it drops one before its expiry.
   */
  tell(sub: SubscriptionRec, event: LifecycleEvent): void {
    if (event === 'subscriptionRemoved') this.remove(sub);
    this.lifecycle(sub, event);
  }

  /** Tells every call-record subscription about a new record (its filter permitting). */
  recordCreated(record: Record<string, unknown>): void {
    const id = String(record.id);
    const view = { participants: participantIds(record) };
    for (const sub of this.subs.values()) {
      if (sub.parsed.kind !== 'callRecords') continue;
      if (sub.parsed.filter && !matchesFilter(sub.parsed.filter, view)) continue;
      const changeType = sub.changeTypes.includes('created') ? 'created' : 'updated';
      this.notify(sub, changeType, callRecordNotification(this.ref(sub), changeType, id));
    }
  }

  /** Tells every presence subscription covering the person that their presence changed. */
  presenceChanged(personId: string): void {
    const key = personId.toLowerCase();
    for (const sub of this.subs.values()) {
      if (sub.parsed.kind !== 'presence' || !sub.parsed.userIds.some((u) => u.toLowerCase() === key))
        continue;
      const resource = `communications/presences('${personId}')`;
      this.notify(
        sub,
        'updated',
        changeNotification(this.ref(sub), 'updated', resource, {
          '@odata.type': '#Microsoft.Graph.presence',
          id: personId,
        }),
      );
    }
  }

  /** Drops every subscription silently (reset). */
  reset(): void {
    for (const sub of [...this.subs.values()]) this.remove(sub);
  }

  private ref(sub: SubscriptionRec): SubscriptionRef {
    return {
      id: sub.id,
      expirationDateTime: notificationDate(sub.expiresAt),
      ...(sub.clientState !== undefined ? { clientState: sub.clientState } : {}),
      tenantId: sub.tenantId,
    };
  }

  private notify(sub: SubscriptionRec, event: string, notification: Record<string, unknown>): void {
    this.post(sub, sub.notificationUrl, 'change', event, changeNotificationCollection([notification]));
  }

  private lifecycle(sub: SubscriptionRec, event: LifecycleEvent): void {
    if (!sub.lifecycleNotificationUrl) return;
    const n: Record<string, unknown> = {
      subscriptionId: sub.id,
      subscriptionExpirationDateTime: notificationDate(sub.expiresAt),
      tenantId: sub.tenantId,
      ...(sub.clientState !== undefined ? { clientState: sub.clientState } : {}),
      lifecycleEvent: event,
    };
    this.post(sub, sub.lifecycleNotificationUrl, 'lifecycle', event, changeNotificationCollection([n]));
  }

  private post(
    sub: SubscriptionRec,
    url: string,
    kind: DeliveryLog['kind'],
    event: string,
    body: object,
  ): void {
    // A removal notice outlives its subscription; change notifications stop with it.
    const alive = kind === 'lifecycle' ? () => true : () => this.subs.has(sub.id);
    this.deps.queues.send(`${sub.id}\n${url}`, url, body, alive, (step) => {
      sub.deliveries.push({ at: new Date(this.deps.clock.now()).toISOString(), url, kind, event, ...step });
      if (sub.deliveries.length > LOG_LIMIT) sub.deliveries.splice(0, sub.deliveries.length - LOG_LIMIT);
    });
  }

  private schedule(sub: SubscriptionRec): void {
    const { clock } = this.deps;
    for (const t of sub.timers) clock.clearTimer(t);
    const life = Math.max(0, sub.expiresAt - clock.now());
    const lead = Math.min(REAUTHORIZE_LEAD_MS, life / 2);
    sub.timers = [
      clock.setTimer(life - lead, () => this.lifecycle(sub, 'reauthorizationRequired')),
      clock.setTimer(life, () => {
        this.remove(sub);
        this.lifecycle(sub, 'subscriptionRemoved');
      }),
    ];
  }
}

/** The ids of a record's participants (users, apps, phones), for participants/any(p:p/id eq '...'). */
function participantIds(record: Record<string, unknown>): { id: string }[] {
  const list = Array.isArray(record.participants)
    ? (record.participants as Record<string, { id?: unknown }>[])
    : [];
  const out: { id: string }[] = [];
  for (const set of list)
    for (const kind of ['user', 'application', 'applicationInstance', 'phone'])
      if (typeof set[kind]?.id === 'string') out.push({ id: set[kind].id as string });
  return out;
}

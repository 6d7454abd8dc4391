import { copy } from './odata';
import type { ChangeType } from './types';

export interface SubscriptionRef {
  id: string;
  expirationDateTime: string;
  clientState?: string;
  tenantId: string;
}

/** One change notification for a subscription (call records, presence), as in callrecord-created.json. */
export function changeNotification(
  sub: SubscriptionRef,
  changeType: ChangeType,
  resource: string,
  resourceData: Record<string, unknown>,
): Record<string, unknown> {
  const { ['@odata.type']: type, ['@odata.id']: odataId, ...rest } = copy(resourceData);
  const n: Record<string, unknown> = {
    subscriptionId: sub.id,
    subscriptionExpirationDateTime: sub.expirationDateTime,
  };
  // Graph echoes clientState only when the subscription set one.
  if (sub.clientState !== undefined) n.clientState = sub.clientState;
  Object.assign(n, {
    changeType,
    resource,
    tenantId: sub.tenantId,
    resourceData: {
      ...(type !== undefined ? { '@odata.type': type } : {}),
      '@odata.id': odataId ?? resource,
      ...rest,
    },
  });
  return n;
}

/** The change notification for a call record, with the `#Microsoft.Graph.callRecord` casing Graph sends. */
export function callRecordNotification(
  sub: SubscriptionRef,
  changeType: ChangeType,
  recordId: string,
): Record<string, unknown> {
  const resource = `communications/callRecords/${recordId}`;
  return changeNotification(sub, changeType, resource, {
    '@odata.type': '#Microsoft.Graph.callRecord',
    id: recordId,
  });
}

/** The body of one POST to a subscription's notificationUrl. */
export function changeNotificationCollection(value: Array<Record<string, unknown>>): {
  value: Array<Record<string, unknown>>;
} {
  return { value };
}

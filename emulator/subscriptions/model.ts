// A subscription as the emulator keeps it, and its JSON as Graph returns it.
import type { ClockTimer } from '../clock';
import type { SubscribedResource } from './resources';

/** One delivery attempt's outcome, kept for the control API. */
export interface DeliveryLog {
  at: string;
  url: string;
  kind: 'change' | 'lifecycle';
  event: string;
  outcome: 'delivered' | 'retrying' | 'gave-up' | 'dropped';
  status?: number;
  error?: string;
  attempt: number;
}

export interface SubscriptionRec {
  id: string;
  resource: string;
  parsed: SubscribedResource;
  changeTypes: string[];
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState?: string;
  expiresAt: number;
  applicationId: string;
  creatorId: string;
  tenantId: string;
  latestSupportedTlsVersion: string;
  createdAt: number;
  timers: ClockTimer[];
  deliveries: DeliveryLog[];
}

/** Graph's seven-digit-fraction UTC form: 2030-01-03T10:00:00.0000000Z. */
export function graphDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** The form change notifications carry: 2030-01-03T10:00:00.0000000+00:00 (as callrecord-created.json). */
export function notificationDate(ms: number): string {
  return graphDate(ms).replace(/Z$/, '+00:00');
}

/** The subscription resource. */
export function subscriptionJson(sub: SubscriptionRec): Record<string, unknown> {
  return {
    id: sub.id,
    resource: sub.resource,
    applicationId: sub.applicationId,
    changeType: sub.changeTypes.join(','),
    clientState: sub.clientState ?? null,
    notificationUrl: sub.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: sub.lifecycleNotificationUrl ?? null,
    expirationDateTime: graphDate(sub.expiresAt),
    creatorId: sub.creatorId,
    includeResourceData: null,
    latestSupportedTlsVersion: sub.latestSupportedTlsVersion,
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  };
}

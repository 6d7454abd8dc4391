import type { ChangeType, CommsNotification, CommsNotifications } from './types';

/** A commsNotification with its keys in the documented order: type, changeType, resource, resourceUrl, callbackUri, resourceData. */
export function commsNotification(
  changeType: ChangeType,
  resourceUrl: string,
  resourceData: object | object[],
  extra: { resource?: string; callbackUri?: string } = {},
): CommsNotification {
  const n = { '@odata.type': '#microsoft.graph.commsNotification', changeType } as CommsNotification;
  if (extra.resource !== undefined) n.resource = extra.resource;
  n.resourceUrl = resourceUrl;
  if (extra.callbackUri !== undefined) n.callbackUri = extra.callbackUri;
  n.resourceData = resourceData;
  return n;
}

/** The body of one POST: a batch of notifications, processed by the receiver in array order. */
export function commsEnvelope(value: CommsNotification[]): CommsNotifications {
  return { '@odata.type': '#microsoft.graph.commsNotifications', value };
}

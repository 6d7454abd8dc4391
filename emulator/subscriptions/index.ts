// Change-notification subscriptions for call records and presence: the validation handshake, lifetimes
// and lifecycle notices on the emulator clock, delivery as changeNotificationCollection with the
// subscription's clientState, and the Graph /subscriptions routes.
export { SubscriptionService, REAUTHORIZE_LEAD_MS, LIFECYCLE_EVENTS } from './service';
export type { NewSubscription, LifecycleEvent } from './service';
export { NotificationQueues, ACK_TIMEOUT_MS } from './delivery';
export type { DeliveryStep, QueueOptions } from './delivery';
export { subscriptionRoutes } from './routes';
export type { SubscriptionRouteDeps } from './handlers';
export { subscriptionJson, graphDate, notificationDate } from './model';
export type { DeliveryLog, SubscriptionRec } from './model';
export { RULES, parseResource, parseChangeTypes, MAX_PRESENCE_IDS } from './resources';
export type { SubscribedResource } from './resources';
export {
  validateEndpoint,
  validationUrl,
  newValidationToken,
  validationTimeoutFrom,
  VALIDATION_TIMEOUT_MS,
} from './handshake';
export { checkClientState, checkEndpoint, checkExpiration } from './checks';
export { post } from './http-post';
export type { PostAnswer } from './http-post';

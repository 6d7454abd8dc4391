// Notifications as the Graph communications service sends them: envelopes in the shapes of the documented
// examples (the fixtures in test/fixtures/graph/notifications/), and signed, ordered delivery with retries and injected faults.
export type { ChangeType, CommsNotification, CommsNotifications } from './types';
export { commsEnvelope, commsNotification } from './envelope';
export { callNotification, callNotificationKind } from './call-notification';
export type { CallNotificationKind } from './call-notification';
export { operationNotification } from './operation-notification';
export type { OperationNotificationOptions } from './operation-notification';
export { contentSharingNotification, participantsNotification } from './roster-notification';
export {
  callRecordNotification,
  changeNotification,
  changeNotificationCollection,
} from './change-notification';
export type { SubscriptionRef } from './change-notification';
export { compactId } from './odata';
export { Deliverer } from './deliverer';
export type {
  DeliveryEvent,
  DeliveryEventType,
  DeliveryFaults,
  DeliveryOptions,
  DeliveryOutcome,
  DeliveryResult,
} from './delivery-types';

// The Teams tab's backend: /api/tab/* behind Teams SSO. See README.md for the routes.
export { createTabApi, type TabApi, type TabApiDeps } from './create-tab-api';
export { createTabApiForApp, TAB_PROMPTS, type TabApiSettings } from './compose';
export {
  createSsoVerifier,
  SSO_CLOCK_SKEW_SEC,
  type SsoVerifier,
  type SsoVerifierOptions,
} from './auth/verify-sso-token';
export { createTenantKeys, type TenantKeys } from './auth/tenant-keys';
export { defaultTabAudience, TAB_SCOPE } from './auth/audience';
export type { TabUser, AuthResult, AuthFailureReason } from './auth/types';
export type {
  TabCalling,
  TabClickToCall,
  TabGraph,
  TabLogger,
  TabMeetings,
  TabQueues,
  TabRecords,
} from './ports';
export { toTabQueueBoard, type TabQueueBoard } from './queues/queue-view';
export type { TabEdge, TabRequest, TabResponse } from './types';
export {
  summariseHistory,
  historyStart,
  type History,
  type HistoryDay,
  type HistoryRecord,
} from './calls/history';
export { threadIdFrom } from './calls/meeting-ref';
export { formatEvent } from './events/sse';
export { createPresenceSubscriptions, type PresenceSubscriptions } from './events/presence-subscriptions';

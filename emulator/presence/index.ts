// Presence: each person's own state, the apps' presence sessions and the call engine's Busy/InACall,
// aggregated as SPEC.md §7 describes; the Graph presence routes.
export { PresenceService } from './presence-service';
export type { PresenceDeps, PresenceListener } from './presence-service';
export { presenceRoutes } from './routes';
export type { PresenceRouteDeps } from './handlers';
export { effectivePresence, isUserChoice } from './aggregate';
export type { CallActivity } from './aggregate';
export { callActivityOf } from './in-call';
export { CallPresenceScope } from './call-scope';
export { ACTIVITY, AVAILABILITY, SESSION_PAIRS, isSessionPair } from './states';
export type { PresenceState } from './states';
export { durationMs } from './duration';
export { presenceJson } from './presence-json';

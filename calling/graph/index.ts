// The outbound Graph client of the calling module: tokens, requests with retries and readable errors,
// typed calls/participants/meetings/presence/users APIs, and Teams join-link parsing.
export { createGraphServices } from './graph-services';
export type { GraphServices, GraphServicesOptions } from './graph-services';
export { createTokenProvider, GRAPH_SCOPE } from './app-token';
export type { TokenProvider, TokenProviderOptions } from './app-token';
export { createGraphClient } from './graph-client';
export type { GraphClientOptions } from './graph-client';
export { createCallsApi } from './calls-api';
export type { CallsApi } from './calls-api';
export { createParticipantsApi } from './participants-api';
export type { ParticipantsApi } from './participants-api';
export { createMeetingsApi } from './meetings-api';
export type { CreateOrGetMeetingParams, MeetingActor, MeetingsApi, MeetingUpdate } from './meetings-api';
export { createAttendanceApi } from './attendance-api';
export type { AttendanceApi } from './attendance-api';
export { createPresenceApi, PRESENCE_BATCH_LIMIT } from './presence-api';
export type { PresenceApi } from './presence-api';
export { createUsersApi } from './users-api';
export type { UsersApi } from './users-api';
export { parseJoinUrl } from './join-url';
export type { JoinCoordinates, JoinMeetingIdJoin, OrganizerJoin } from './join-url';
export { guidanceForCallingCode } from './calling-codes';
export type { CallingCodeGuidance } from './calling-codes';
export { mapGraphError, readGraphError } from './error-map';
export { parseRetryAfter, RETRY_AFTER_CAP_MS } from './retry-after';
export { decideRetry, isIdempotent } from './retry-policy';
export type * from './types';

// Graph cloud communications: the call engine and its /v1.0 routes.
export { createGraphService, liveCall } from './service';
export type { GraphService } from './service';
export { graphRoutes, mediaRoutes } from './routes';
export { startIncoming } from './incoming';
export type { IncomingOptions } from './incoming';
export { idKey, CallEngine } from './engine';
export type { DeliverFn, EngineDeps, EngineSettings } from './engine-types';
export type { CallRec, CallState, TimelineEntry, ResultInfo, ParticipantRec } from './model';
export type { MediaPort } from './prompt-media';
export { END, OPERATION } from './result-codes';
export { canTransition, nextStates } from './state-machine';
export { callJson, participantJson } from './serialize';
export { removeParticipant } from './person-events';
export { pickUp } from './ringing';
export { involves } from './timeline';

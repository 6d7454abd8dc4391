// The emulator's HTTP layer: router, Graph-style errors, JSON bodies, permissions, injected faults.
export { createHandler, jsonBody } from './server';
export type { EntraEdge, HandlerOptions } from './server';
export { GraphError, badRequest, notFound, callingForbidden, graphErrorBody } from './errors';
export { GraphFaults } from './faults';
export type { GraphFaultPlan } from './faults';
export { findRoute, matchPattern, splitPath } from './router';
export type { Route, Handler } from './router';
export { callerOf, hasAnyRole, requireAnyRole, requireAppToken } from './permissions';
export type { Caller, HttpResponse, RequestContext } from './types';
export { parseJsonObject, readBody, readBodyBytes, BODY_LIMIT } from './body';

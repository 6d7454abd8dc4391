// Small helpers for control API bodies and answers.
import { GraphError, jsonBody } from '../http';
import type { HttpResponse, RequestContext } from '../http';

/** The JSON object body of a control request ({} when empty). */
export const controlBody = (ctx: RequestContext): Record<string, unknown> => jsonBody(ctx, true);

/** 400 for a control request that does not make sense. */
export const controlError = (message: string): GraphError => new GraphError(400, 'BadRequest', message);

/** 404 for something the control API does not know. */
export const controlNotFound = (message: string): GraphError => new GraphError(404, 'NotFound', message);

export const ok = (body: unknown, status = 200): HttpResponse => ({ status, body });

// Graph-style errors: one exception type carried to the edge and one body shape,
// {"error":{"code","message","innerError":{"request-id","date","client-request-id"}}}.

/** An error that becomes a Graph-style HTTP response. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra members of the error object (target, details), as OData errors carry them. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** Builds the Graph error body. */
export function graphErrorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string,
  date: Date,
  extra: Record<string, unknown> = {},
): object {
  return {
    error: {
      code,
      message,
      ...extra,
      innerError: {
        date: date.toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

/** 400 with Graph's usual code for a request it cannot accept. */
export const badRequest = (message: string, code = 'BadRequest'): GraphError =>
  new GraphError(400, code, message);

/** 404 for a resource that does not exist (or no longer does). */
export const notFound = (message: string, code = 'itemNotFound'): GraphError =>
  new GraphError(404, code, message);

/** 403 as the calling service words a missing application permission. */
export const callingForbidden = (): GraphError =>
  new GraphError(403, '7504', 'Insufficient enterprise tenant permissions, cannot access this API.');

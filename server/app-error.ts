// The calling package is named by type only: `npm start` loads this before the app (see local/start-local.ts).
import type { CallingErrorCode } from '../calling';

/** The one error vocabulary: a string code, a message that says what to do, mapped to HTTP only at the edge. */
export type AppErrorCode =
  | CallingErrorCode
  | 'bad_request'
  | 'invalid_json'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'client_closed'
  | 'timeout'
  | 'unavailable'
  | 'config_invalid'
  | 'internal';

const HTTP_STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  // nginx's convention for "client closed request"; never actually sent because the socket is gone
  client_closed: 499,
  timeout: 504,
  unavailable: 503,
  config_invalid: 500,
  internal: 500,
  // The calling module's codes (CallingError): Graph's own failures are 502s, ours keep their meaning.
  graph_error: 502,
  graph_throttled: 503,
  graph_unavailable: 503,
  graph_timeout: 504,
  graph_access_policy_missing: 502,
  graph_permission_missing: 502,
  graph_call_gone: 410,
  graph_not_found: 404,
  graph_bad_request: 502,
  graph_auth_failed: 502,
  invalid_join_url: 400,
  operation_failed: 502,
  operation_cancelled: 409,
  operation_timeout: 504,
  call_ended: 410,
  call_not_found: 404,
  call_wrong_state: 409,
  invalid_request: 400,
  meeting_not_found: 404,
  not_organizer: 403,
  meeting_cancelled: 409,
};

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** HTTP status for an error code; used only by the edge. */
export function httpStatusOf(code: AppErrorCode): number {
  return HTTP_STATUS[code];
}

/** The JSON body every failed request gets: never a stack trace. */
export function errorBody(err: AppError): { error: { code: string; message: string } } {
  return { error: { code: err.code, message: err.message } };
}

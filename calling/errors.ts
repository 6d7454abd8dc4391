// The calling module's error vocabulary. Codes that also exist in server/errors.ts carry the same names,
// so the edge can map a CallingError to HTTP one to one; the rest are listed in the module's report.

/** Every code a CallingError can carry. */
export type CallingErrorCode =
  /** Graph failed in a way none of the codes below describes. */
  | 'graph_error'
  /** Graph kept answering 429 after the allowed retries. */
  | 'graph_throttled'
  /** Graph (or the network to it) stayed unavailable after the allowed retries. */
  | 'graph_unavailable'
  /** A request that changes something got no answer: it may or may not have taken effect. */
  | 'graph_timeout'
  /** An online-meeting request on behalf of a user without an application access policy. */
  | 'graph_access_policy_missing'
  /** The app lacks a Graph permission, admin consent, or standing in the tenant. */
  | 'graph_permission_missing'
  /** The call no longer exists (hung up, or never did). */
  | 'graph_call_gone'
  /** The addressed resource (not a call) does not exist. */
  | 'graph_not_found'
  /** Graph rejected the request body or query as invalid. */
  | 'graph_bad_request'
  /** No token could be obtained, or Graph rejected it. */
  | 'graph_auth_failed'
  /** A Teams meeting link that cannot be turned into join coordinates. */
  | 'invalid_join_url'
  /** An operation's completion reported failure; `resultInfo` says why. */
  | 'operation_failed'
  /** The operation was cancelled (cancelMediaProcessing, 400/8508). */
  | 'operation_cancelled'
  /** No completion arrived within the allowed time. */
  | 'operation_timeout'
  /** The call ended before the operation finished. */
  | 'call_ended'
  /** No call with that id is known to this app. */
  | 'call_not_found'
  /** The call is not in a state that allows the action. */
  | 'call_wrong_state'
  /** The request itself is malformed (an empty prompt list, a bad tone...). */
  | 'invalid_request'
  /** The meeting is not one Switchboard created (or it is no longer kept). */
  | 'meeting_not_found'
  /** Only the meeting's organizer may change it or read its attendance. */
  | 'not_organizer'
  /** The meeting was cancelled; it cannot be moved or cancelled again. */
  | 'meeting_cancelled';

/** What a CallingError may carry besides its code and message. */
export interface CallingErrorInit {
  /** HTTP status Graph answered with, when there was an answer. */
  readonly status?: number;
  /** Graph's own error code (`error.code` in its body, e.g. `7504`, `Forbidden`). */
  readonly graphCode?: string;
  /** Graph's `request-id`, the one Microsoft support asks for. */
  readonly requestId?: string;
  /** The `client-request-id` this client sent on the (last) attempt. */
  readonly clientRequestId?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/** An error from the calling module: a string code and a message that says what to do. */
export class CallingError extends Error {
  override readonly name: string = 'CallingError';
  readonly status?: number;
  readonly graphCode?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: CallingErrorCode,
    message: string,
    init: CallingErrorInit = {},
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.graphCode = init.graphCode;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.details = init.details;
  }
}

/** True for a CallingError, optionally with one of the given codes. */
export function isCallingError(err: unknown, ...codes: CallingErrorCode[]): err is CallingError {
  return err instanceof CallingError && (codes.length === 0 || codes.includes(err.code));
}

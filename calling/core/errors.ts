// Errors of the call model itself (as opposed to Graph request failures, which are CallingErrors).
import type { ResultInfo } from '../types';

/** Why a call-model action failed. */
export type CallOperationErrorCode =
  /** The operation's completion reported failure; `resultInfo` says why. */
  | 'operation_failed'
  /** The operation was cancelled (cancelMediaProcessing, 400/8508). */
  | 'operation_cancelled'
  /** No completion arrived within the allowed time. */
  | 'operation_timeout'
  /** The call ended before the operation finished. */
  | 'call_ended'
  /** No call with that id is known. */
  | 'call_not_found'
  /** The call is not in a state that allows the action. */
  | 'call_wrong_state'
  /** The request itself is malformed (an empty prompt list, a bad tone...). */
  | 'invalid_request';

/** A failed call-model action, with the Graph resultInfo when there is one. */
export class CallOperationError extends Error {
  override readonly name = 'CallOperationError';
  constructor(
    readonly code: CallOperationErrorCode,
    message: string,
    readonly details: { callId?: string; operationId?: string; resultInfo?: ResultInfo } = {},
  ) {
    super(message);
  }
  get resultInfo(): ResultInfo | undefined {
    return this.details.resultInfo;
  }
}

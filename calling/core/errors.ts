// Errors of the call model itself: the same CallingError vocabulary, with the operation's resultInfo.
import { CallingError, type CallingErrorCode } from '../errors';
import type { ResultInfo } from '../types';

/** The CallingError codes a call-model action fails with. */
export type CallOperationErrorCode = Extract<
  CallingErrorCode,
  | 'operation_failed'
  | 'operation_cancelled'
  | 'operation_timeout'
  | 'call_ended'
  | 'call_not_found'
  | 'call_wrong_state'
  | 'invalid_request'
>;

/** A failed call-model action, with the Graph resultInfo when there is one. */
export class CallOperationError extends CallingError {
  override readonly name: string = 'CallOperationError';
  declare readonly code: CallOperationErrorCode;
  declare readonly details: { callId?: string; operationId?: string; resultInfo?: ResultInfo };
  constructor(
    code: CallOperationErrorCode,
    message: string,
    details: { callId?: string; operationId?: string; resultInfo?: ResultInfo } = {},
  ) {
    super(code, message, { details });
  }
  get resultInfo(): ResultInfo | undefined {
    return this.details.resultInfo;
  }
}

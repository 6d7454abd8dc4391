// The ways a hang-up fails, shaped as the calling service reports them, and a hangUp that answers
// each attempt in turn: the fixtures of the tests that check every flow's hang-up is sent again.
import { CallOperationError } from '../../../../calling/core';
import { mapGraphError } from '../../../../calling/graph/error-map';

/** Graph failing the DELETE of `callId` with `status`, as the Graph client reports it once its own retries are spent. */
export const deleteFailure = (status: number, callId = 'c') =>
  mapGraphError({
    status,
    body: { error: { code: 'InternalServerError', message: 'Something went wrong on the server.' } },
    method: 'DELETE',
    path: `/communications/calls/${callId}`,
    attempts: 1,
    idempotent: true,
  });

/** The call model's answer when the call has ended meanwhile. */
export const callEnded = (callId = 'c') =>
  new CallOperationError('call_ended', 'the call has ended', { callId });

/**
 * A hangUp whose attempts answer in turn from `answers` (an Error is thrown, anything else or nothing
 * left resolves); `hungUp` lists the call of every attempt.
 */
export function hangUps(answers: readonly unknown[] = []) {
  const left = [...answers];
  const hungUp: string[] = [];
  const hangUp = async (callId: string): Promise<void> => {
    hungUp.push(callId);
    const next = left.shift();
    if (next instanceof Error) throw next;
  };
  return { hangUp, hungUp };
}

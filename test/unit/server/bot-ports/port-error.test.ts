import assert from 'node:assert/strict';
import { problemOf } from '../../../../bot/errors';
import { CallOperationError } from '../../../../calling';
import { mapGraphError } from '../../../../calling/graph/error-map';
import { mapped, PortError, toPortError } from '../../../../server/bot-ports/port-error';

const accessPolicy = () =>
  mapGraphError({
    status: 403,
    body: {
      error: {
        code: 'Forbidden',
        message: 'Application is not authorized to perform this operation: no application access policy.',
      },
    },
    method: 'POST',
    path: '/users/86528ee4-da06-4aa2-9aed-32e626300172/onlineMeetings/createOrGet',
    requestId: 'req-1',
    attempts: 1,
    idempotent: true,
  });

describe('bot ports: calling errors as port errors', () => {
  it('a missing application access policy: a short message, and the PowerShell step as the hint', () => {
    const err = toPortError(accessPolicy());
    assert.ok(err instanceof PortError);
    assert.equal(err.code, 'graph_access_policy_missing');
    assert.match(err.message, /not allowed to create or change meetings on your behalf/);
    assert.match(err.hint ?? '', /Grant-CsApplicationAccessPolicy/);
    assert.match(err.hint ?? '', /request-id req-1/);
    // The bot shows it as is: the code, the message and the hint reach the error card.
    const { problem, expected } = problemOf(err);
    assert.equal(expected, true);
    assert.equal(problem.code, 'graph_access_policy_missing');
    assert.match(problem.hint ?? '', /New-CsApplicationAccessPolicy/);
  });

  it('a call that is gone, and Graph throttling, get their own wording', () => {
    const gone = toPortError(
      mapGraphError({
        status: 404,
        body: { error: { code: 'itemNotFound', message: 'Call not found' } },
        method: 'DELETE',
        path: '/communications/calls/c1',
        attempts: 1,
        idempotent: true,
      }),
    ) as PortError;
    assert.equal(gone.code, 'graph_call_gone');
    assert.equal(gone.message, 'That call has already ended.');
    const throttled = toPortError(
      mapGraphError({ status: 429, body: {}, method: 'GET', path: '/users', attempts: 4, idempotent: true }),
    ) as PortError;
    assert.equal(throttled.code, 'graph_throttled');
    assert.match(throttled.hint ?? '', /minute/);
  });

  it('call model errors keep their code; a wrong state keeps the model’s own sentence', () => {
    const ended = toPortError(new CallOperationError('call_ended', 'Call c1 ended.')) as PortError;
    assert.equal(ended.code, 'call_ended');
    assert.equal(ended.message, 'That call has already ended.');
    const wrong = toPortError(
      new CallOperationError('call_wrong_state', 'Cannot transfer call c1: it is terminating.'),
    ) as PortError;
    assert.equal(wrong.code, 'call_wrong_state');
    assert.equal(wrong.message, 'Cannot transfer call c1: it is terminating.');
    assert.match(wrong.hint ?? '', /Refresh/);
  });

  it('anything else passes through untouched, so the bot treats it as unexpected', async () => {
    const boom = new TypeError('x is undefined');
    assert.equal(toPortError(boom), boom);
    await assert.rejects(
      mapped(() => Promise.reject(boom)),
      (e) => e === boom,
    );
    assert.equal(problemOf(boom).expected, false);
  });
});

import assert from 'node:assert/strict';
import { CallingError, CallOperationError } from '../../../calling';
import { AppError, httpStatusOf } from '../../../server';
import { errorBody, toAppError } from '../../../server/errors';

describe('server errors', () => {
  it('keeps a calling error\u2019s code and message and maps it to HTTP', () => {
    const gone = toAppError(new CallingError('graph_call_gone', 'The call has ended; start a new one.'));
    assert.equal(gone.code, 'graph_call_gone');
    assert.equal(httpStatusOf(gone.code), 410);
    assert.deepEqual(errorBody(gone), {
      error: { code: 'graph_call_gone', message: 'The call has ended; start a new one.' },
    });
    const policy = toAppError(
      new CallingError('graph_access_policy_missing', 'Grant-CsApplicationAccessPolicy ...'),
    );
    assert.equal(httpStatusOf(policy.code), 502);
  });

  it('treats a call-model failure as a calling error', () => {
    const e = toAppError(
      new CallOperationError('call_wrong_state', 'The call is not established yet.', { callId: 'c1' }),
    );
    assert.equal(e.code, 'call_wrong_state');
    assert.equal(httpStatusOf(e.code), 409);
    assert.equal(e.details?.callId, 'c1');
  });

  it('hides anything else behind a generic internal error', () => {
    const e = toAppError(new TypeError('secret detail at /srv/app.js:10'));
    assert.equal(e.code, 'internal');
    assert.doesNotMatch(e.message, /secret|app\.js/);
    assert.ok(e instanceof AppError);
  });
});

import assert from 'node:assert/strict';
import { describeEnd, describeOperationFailure, readResultInfo } from '../../../../calling/core/result-info';

describe('resultInfo', () => {
  it('reads string codes and the subCode spelling', () => {
    assert.deepEqual(readResultInfo({ code: '500', subCode: '7000', message: 'x' }), {
      code: 500,
      subcode: 7000,
      message: 'x',
    });
    assert.deepEqual(readResultInfo({ code: 200 }), { code: 200, subcode: 0 });
    assert.equal(readResultInfo({ message: 'no code' }), undefined);
    assert.equal(readResultInfo(null), undefined);
  });

  it('names the end in the words of the catalogue of outcomes', () => {
    assert.equal(describeEnd({ code: 200, subcode: 4521 }), 'the other party hung up');
    assert.equal(describeEnd({ code: 480, subcode: 10134 }), 'declined');
    assert.equal(describeEnd({ code: 408, subcode: 8537 }), 'ended after 45 minutes without a keep-alive');
    assert.equal(describeEnd({ code: 200, subcode: 7015 }), 'the transfer completed');
    assert.equal(describeEnd(undefined, 'AppTransferred'), 'the transfer completed');
    assert.equal(describeEnd({ code: 200, subcode: 99999 }), 'the call ended');
    assert.equal(describeEnd({ code: 503, subcode: 12, message: 'boom' }), 'the call failed (503/12): boom');
  });

  it('says when an operation was cancelled', () => {
    assert.match(describeOperationFailure({ code: 400, subcode: 8508 }), /cancelled/);
    assert.match(describeOperationFailure({ code: 500, subcode: 1 }), /failed \(500\/1\)/);
  });
});

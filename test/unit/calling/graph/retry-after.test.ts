import assert from 'node:assert/strict';
import { RETRY_AFTER_CAP_MS, parseRetryAfter } from '../../../../calling/graph/retry-after';

const NOW = Date.parse('2024-05-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    assert.equal(parseRetryAfter('0', NOW), 0);
    assert.equal(parseRetryAfter('1', NOW), 1000);
    assert.equal(parseRetryAfter(' 7 ', NOW), 7000);
    assert.equal(parseRetryAfter('2.5', NOW), 2500);
  });

  it('reads an HTTP-date relative to now, and a past date as no wait', () => {
    assert.equal(parseRetryAfter('Wed, 01 May 2024 12:00:05 GMT', NOW), 5000);
    assert.equal(parseRetryAfter('Wed, 01 May 2024 11:59:00 GMT', NOW), 0);
  });

  it('caps long waits', () => {
    assert.equal(RETRY_AFTER_CAP_MS, 60_000);
    assert.equal(parseRetryAfter('3600', NOW), 60_000);
    assert.equal(parseRetryAfter('Thu, 02 May 2024 12:00:00 GMT', NOW), 60_000);
    assert.equal(parseRetryAfter('30', NOW, 10_000), 10_000);
  });

  it('answers undefined for absent or unreadable values', () => {
    for (const v of [undefined, null, '', '   ', 'soon', '-5', '1e3', '12abc', 'Mon 12']) {
      assert.equal(parseRetryAfter(v, NOW), undefined, `value ${String(v)}`);
    }
  });
});

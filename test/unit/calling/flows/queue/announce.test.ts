import assert from 'node:assert/strict';
import {
  DEFAULT_HANDLE_MS,
  estimateWaitMs,
  positionAnnouncement,
  waitedInWords,
  waitInWords,
} from '../../../../../calling/flows/queue/announce';

describe('queue announcements', () => {
  it('estimates the wait from the callers ahead, the agents and the mean handling time', () => {
    assert.equal(estimateWaitMs(1, 2, 120_000), 120_000);
    assert.equal(estimateWaitMs(3, 2, 120_000), 240_000, 'the third caller waits for a second round');
    assert.equal(estimateWaitMs(2, 0, 60_000), 120_000, 'no agent free now counts as one');
    assert.equal(estimateWaitMs(1, 1), DEFAULT_HANDLE_MS);
  });

  it('says the place and the wait in words a voice reads well', () => {
    assert.equal(
      positionAnnouncement(1, 30_000),
      'You are next in line. Your expected wait is less than a minute.',
    );
    assert.equal(
      positionAnnouncement(2, 70_000),
      'You are number 2 in the queue. Your expected wait is about one minute.',
    );
    assert.equal(waitInWords(240_000), 'about 4 minutes');
  });

  it('says how long a caller waited', () => {
    assert.deepEqual([1000, 45_000, 61_000, 185_000].map(waitedInWords), [
      '1 second',
      '45 seconds',
      '1 minute',
      '3 minutes',
    ]);
  });
});

import assert from 'node:assert/strict';
import { LocalTimers } from '../../../../calling/flows/runtime/local-timers';

describe('calling/flows local timers', () => {
  it('a timer weeks ahead waits (setTimeout alone would fire it at once past 24.8 days)', async () => {
    const timers = new LocalTimers();
    const fired: string[] = [];
    const now = Date.now();
    timers.set('reminder:r-1', 'due', now + 30 * 86_400_000, now, () => fired.push('month'));
    timers.set('reminder:r-1', 'soon', now + 5, now, () => fired.push('soon'));
    await new Promise((r) => setTimeout(r, 60));
    timers.clearAll();
    assert.deepEqual(fired, ['soon']);
  });
});

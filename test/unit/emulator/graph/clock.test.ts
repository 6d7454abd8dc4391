import assert from 'node:assert/strict';
import { createClock } from '../../../../emulator/clock';

describe('emulator clock', () => {
  it('adds advances to real time', () => {
    let real = 1_000;
    const clock = createClock(() => real);
    assert.equal(clock.now(), 1_000);
    clock.advance(60_000);
    real = 1_500;
    assert.equal(clock.now(), 61_500);
    assert.equal(clock.offsetMs(), 60_000);
    clock.reset();
  });

  it('fires due timers in due order when advanced, and only those', () => {
    const clock = createClock(() => 0);
    const fired: string[] = [];
    clock.setTimer(45 * 60_000, () => fired.push('keepAlive'));
    clock.setTimer(15 * 60_000, () => fired.push('reminder'));
    clock.setTimer(60 * 60_000, () => fired.push('later'));
    clock.advance(46 * 60_000);
    assert.deepEqual(fired, ['reminder', 'keepAlive']);
    assert.equal(clock.pending(), 1);
    clock.reset();
    assert.equal(clock.pending(), 0);
  });

  it('never fires a cleared timer and refuses to go backwards', () => {
    const clock = createClock(() => 0);
    let fired = false;
    const t = clock.setTimer(10, () => (fired = true));
    clock.clearTimer(t);
    clock.advance(100);
    assert.equal(fired, false);
    assert.throws(() => clock.advance(-1), RangeError);
  });

  it('fires on real time too', async () => {
    const clock = createClock();
    const fired = await new Promise<number>((resolve) => {
      const start = Date.now();
      clock.setTimer(30, () => resolve(Date.now() - start));
    });
    assert.ok(fired >= 25, `fired after ${fired} ms`);
  });
});

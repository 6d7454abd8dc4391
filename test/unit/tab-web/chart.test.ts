import assert from 'node:assert/strict';
import { chartGeometry, duration } from '../../../teams-tab/web/src/chart';

describe('tab web: call history chart geometry', () => {
  const days = [
    { date: '2026-11-20', calls: 2, totalSeconds: 600 },
    { date: '2026-11-21', calls: 4, totalSeconds: 120 },
    { date: '2026-11-22', calls: 0, totalSeconds: 0 },
  ];

  it('scales bars to the busiest day and leaves an empty day flat', () => {
    const g = chartGeometry(days, 300, 100);
    assert.equal(g.maxCalls, 4);
    assert.deepEqual(
      g.bars.map((b) => b.height),
      [50, 100, 0],
    );
    assert.deepEqual(
      g.bars.map((b) => b.y),
      [50, 0, 100],
    );
    // Each day has a 100 px slot; bars are 60 % of it, centred.
    assert.deepEqual(
      g.bars.map((b) => b.x),
      [20, 120, 220],
    );
    assert.ok(g.bars.every((b) => b.width === 60));
  });

  it('draws minutes on their own scale through the slot centres', () => {
    const g = chartGeometry(days, 300, 100);
    assert.equal(g.maxMinutes, 10);
    assert.equal(g.minutesLine, '50,0 150,80 250,100');
    assert.deepEqual(
      g.bars.map((b) => b.minutes),
      [10, 2, 0],
    );
  });

  it('copes with no days and with days without calls', () => {
    assert.deepEqual(chartGeometry([], 300, 100).bars, []);
    const quiet = chartGeometry([{ date: '2026-11-22', calls: 0, totalSeconds: 0 }], 100, 50);
    assert.equal(quiet.bars[0]?.height, 0);
    assert.equal(quiet.maxCalls, 1);
  });

  it('writes durations as people read them', () => {
    assert.equal(duration(42), '42 s');
    assert.equal(duration(180), '3 min');
    assert.equal(duration(3900), '1 h 5 min');
  });
});

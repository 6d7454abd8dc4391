import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { historyStart, summariseHistory, threadIdFrom } from '../../../teams-tab/api';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const at = (iso: string) => Date.parse(iso);

describe('tab API: call history and meeting references', () => {
  it('counts records and seconds per UTC day of their start, every day present, oldest first', () => {
    const h = summariseHistory(
      [
        { startAt: at('2026-11-22T09:00:00Z'), endAt: at('2026-11-22T09:01:30Z') },
        { startAt: at('2026-11-22T10:00:00Z'), endAt: at('2026-11-22T10:00:30Z') },
        { startAt: at('2026-11-20T23:59:00Z'), endAt: at('2026-11-21T00:01:00Z') },
        { startAt: at('2026-11-10T10:00:00Z'), endAt: at('2026-11-10T11:00:00Z') },
      ],
      3,
      NOW,
    );
    assert.deepEqual(h.days, [
      { date: '2026-11-20', calls: 1, totalSeconds: 120 },
      { date: '2026-11-21', calls: 0, totalSeconds: 0 },
      { date: '2026-11-22', calls: 2, totalSeconds: 120 },
    ]);
    assert.deepEqual(h.totals, { calls: 3, totalSeconds: 240, averageSeconds: 80 });
  });

  it('starts at midnight UTC, and an empty history is all zeros', () => {
    assert.equal(historyStart(3, NOW), at('2026-11-20T00:00:00Z'));
    const one = summariseHistory([{ startAt: NOW - 60_000, endAt: NOW }], 1, NOW);
    assert.equal(one.days[0]?.totalSeconds, 60);
    assert.deepEqual(summariseHistory([], 2, NOW).totals, { calls: 0, totalSeconds: 0, averageSeconds: 0 });
  });

  it('reads the thread id from a chat id or a Teams meeting id', () => {
    const thread = '19:meeting_NjQ@thread.v2';
    assert.equal(threadIdFrom(thread, null), thread);
    assert.equal(threadIdFrom(null, Buffer.from(`0#${thread}#0`).toString('base64')), thread);
    assert.equal(threadIdFrom(null, Buffer.from('something else').toString('base64')), undefined);
    assert.equal(threadIdFrom('not-a-thread', null), undefined);
  });
});

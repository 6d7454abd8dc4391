// The storm's report round by round: each app round against the reflex round after it, and the warning
// when the control itself left calls unanswered.
import assert from 'node:assert/strict';
import type { ReactionSample } from '../../../emulator/reactions';
import { controlNote, roundPairs, summarise, table, verdict } from '../../../bench/storm/report';
import type { RoundResult } from '../../../bench/storm/round';

function round(target: 'app' | 'reflex', times: number[], answered = 2): RoundResult {
  const samples: ReactionSample[] = times.map((ms, i) => ({
    callId: `c${i}`,
    appId: target,
    stimulus: 'tone',
    sentAt: 0,
    ms,
    action: 'playPrompt',
    status: 200,
  }));
  return {
    target,
    placed: 2,
    placeErrors: [],
    answered,
    samples,
    missed: [],
    duplicates: [],
    pendingAtEnd: 0,
    cpuSeconds: 1,
    callMinutes: 1,
    peakLive: 2,
    rssKB: { before: 0, peak: 0, slopePerCall: 0 },
    leftOver: 0,
    dialMs: 1000,
    wallMs: 1000,
  };
}

describe('call storm report, round by round', () => {
  // Interleaved as the storm runs them: app, reflex, app, reflex.
  const rounds = [
    round('app', [10, 400]),
    round('reflex', [5, 100]),
    round('app', [20, 300]),
    round('reflex', [1, 30]),
  ];

  it('pairs each app round with the reflex round after it, p99 over p99', () => {
    assert.deepEqual(roundPairs(rounds), [
      { p99Ms: 400, reflexP99Ms: 100, ratio: 4 },
      { p99Ms: 300, reflexP99Ms: 30, ratio: 10 },
    ]);
  });

  it('leaves out an app round whose reflex round did not run', () => {
    assert.equal(roundPairs(rounds.slice(0, 3)).length, 1);
  });

  it('puts the pairs in the summary line and the table', () => {
    const app = summarise(rounds.filter((r) => r.target === 'app'));
    const reflex = summarise(rounds.filter((r) => r.target === 'reflex'));
    const pairs = roundPairs(rounds);
    const line = verdict(2, app, reflex, {}, pairs);
    assert.deepEqual(line['roundRatios'], [4, 10]);
    assert.equal(line['controlAnsweredAll'], true);
    assert.equal(line['ratio'], 4);
    assert.match(
      table(app, reflex, pairs),
      /p99 by round, app \/ reflex: 400 \/ 100 ms \(4\), 300 \/ 30 ms \(10\)/,
    );
    assert.doesNotMatch(table(app, reflex, pairs), /warning/);
  });

  it('warns that the ratio says nothing when the reflex left calls unanswered', () => {
    const reflex = summarise([round('reflex', [5, 100], 1)]);
    assert.match(controlNote(reflex) ?? '', /reflex answered 1 of 2 calls/);
    const app = summarise([round('app', [10, 400])]);
    assert.equal(verdict(2, app, reflex, {}, [])['controlAnsweredAll'], false);
    assert.match(table(app, reflex, []), /warning: the reflex answered 1 of 2 calls/);
  });

  it('says nothing when the reflex answered every call', () => {
    assert.equal(controlNote(summarise([round('reflex', [5, 100])])), undefined);
  });
});

import assert from 'node:assert/strict';
import {
  keyOf,
  keyPlan,
  mergedSpeech,
  planRecording,
  ringOutcome,
  speechDurationMs,
  toneOf,
} from '../../../../emulator/people';

const window = { initialSilenceMs: 5000, maxSilenceMs: 2000, maxDurationMs: 30_000 };

describe('people scripts', () => {
  it('decides the reaction to a ring from the script, busy when already in a call', () => {
    assert.deepEqual(ringOutcome({ onRing: 'answer', answerAfterMs: 1500 }, false), {
      kind: 'answer',
      afterMs: 1500,
    });
    assert.deepEqual(ringOutcome({ onRing: 'decline', answerAfterMs: 2000 }, false), {
      kind: 'decline',
      afterMs: 2000,
    });
    assert.equal(ringOutcome({ onRing: 'ignore' }, false).kind, 'ignore');
    assert.equal(ringOutcome({ onRing: 'busy' }, false).kind, 'busy');
    assert.equal(ringOutcome({ onRing: 'answer', answerAfterMs: 10 }, true).kind, 'busy');
    assert.equal((ringOutcome({ onRing: 'answer' }, false) as { afterMs: number }).afterMs, 1000);
  });

  it('maps keys to Graph tones and back', () => {
    assert.equal(toneOf('7'), 'tone7');
    assert.equal(toneOf('#'), 'pound');
    assert.equal(toneOf('*'), 'star');
    assert.equal(toneOf('B'), 'b');
    assert.equal(toneOf('x'), undefined);
    assert.equal(keyOf('pound'), '#');
    assert.equal(keyOf('tone0'), '0');
    assert.equal(keyOf('c'), 'C');
  });

  it('plans key presses in time order, digits of a group 150 ms apart', () => {
    const plan = keyPlan({
      onRing: 'answer',
      keys: [
        { afterMs: 5000, tones: '9' },
        { afterMs: 1000, tones: '42#' },
      ],
    });
    assert.deepEqual(plan, [
      { atMs: 1000, key: '4' },
      { atMs: 1150, key: '2' },
      { atMs: 1300, key: '#' },
      { atMs: 5000, key: '9' },
    ]);
  });

  it('merges overlapping speech', () => {
    assert.deepEqual(
      mergedSpeech({
        speech: [
          { afterMs: 1000, durationMs: 500 },
          { afterMs: 0, durationMs: 1200 },
          { afterMs: 3000, durationMs: 100 },
        ],
      }),
      [
        { startMs: 0, durationMs: 1500 },
        { startMs: 3000, durationMs: 100 },
      ],
    );
  });

  it('ends a recording on initial silence when the person says nothing in time', () => {
    assert.deepEqual(planRecording({}, window), {
      endMs: 5000,
      reason: 'initialSilenceTimeout',
      segments: [],
    });
    assert.equal(
      planRecording({ speech: [{ afterMs: 6000, durationMs: 1000 }] }, window).reason,
      'initialSilenceTimeout',
    );
  });

  it('ends a recording after the silence that follows the speech', () => {
    const plan = planRecording(
      {
        speech: [
          { afterMs: 500, durationMs: 1000 },
          { afterMs: 2500, durationMs: 1000 },
          { afterMs: 9000, durationMs: 500 },
        ],
      },
      window,
    );
    assert.equal(plan.reason, 'maxSilenceTimeout');
    assert.equal(plan.endMs, 3500 + 2000);
    assert.deepEqual(plan.segments, [
      { startMs: 500, durationMs: 1000 },
      { startMs: 2500, durationMs: 1000 },
    ]);
  });

  it('cuts a recording at the maximum duration, clipping the speech', () => {
    const plan = planRecording(
      { speech: [{ afterMs: 1000, durationMs: 60_000 }] },
      { ...window, maxDurationMs: 10_000 },
    );
    assert.deepEqual(plan, {
      endMs: 10_000,
      reason: 'maxRecordDurationReached',
      segments: [{ startMs: 1000, durationMs: 9000 }],
    });
  });
});

describe('people scripts: words', () => {
  it('gives words the time they take to say and joins the words of overlapping speech', () => {
    assert.equal(speechDurationMs('I have a question about my invoice'), 7 * 400);
    assert.equal(speechDurationMs('hi'), 600);
    assert.deepEqual(
      mergedSpeech({
        speech: [
          { afterMs: 0, text: 'my printer' },
          { afterMs: 500, text: 'is broken' },
          { afterMs: 5000, durationMs: 300 },
        ],
      }),
      [
        { startMs: 0, durationMs: 1300, text: 'my printer is broken' },
        { startMs: 5000, durationMs: 300 },
      ],
    );
  });

  it('plans a recording around what was said live, with its words', () => {
    const plan = planRecording({}, { initialSilenceMs: 3000, maxSilenceMs: 1000, maxDurationMs: 10_000 }, [
      { startMs: 2000, durationMs: 1200, text: 'refund' },
    ]);
    assert.deepEqual(plan, {
      endMs: 4200,
      reason: 'maxSilenceTimeout',
      segments: [{ startMs: 2000, durationMs: 1200, text: 'refund' }],
    });
  });
});

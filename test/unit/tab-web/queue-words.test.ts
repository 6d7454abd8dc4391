import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  agentStateWords,
  durationWords,
  waitedNow,
  waitingLine,
} from '../../../teams-tab/web/src/personal/queue-words';
import type { QueueBoard } from '../../../teams-tab/web/src/types';

const AT = '2026-12-06T10:00:00.000Z';
const board = (over: Partial<QueueBoard> = {}): QueueBoard => ({
  queue: 'support',
  at: AT,
  callers: [
    { position: 1, caller: 'Megan', waitedMs: 125_000 },
    { position: 2, caller: '+14255550100', waitedMs: 5_000 },
  ],
  longestWaitMs: 125_000,
  agents: [],
  ...over,
});

describe('tab: queue board words', () => {
  it('says how many wait and the longest wait, counted on from when the board was read', () => {
    assert.equal(waitingLine(board(), Date.parse(AT)), '2 waiting · longest wait 2 min 05 s');
    assert.equal(waitingLine(board(), Date.parse(AT) + 60_000), '2 waiting · longest wait 3 min 05 s');
    assert.equal(waitingLine(board({ callers: [], longestWaitMs: undefined }), 0), 'Nobody is waiting');
    assert.equal(
      waitedNow(board(), 5_000, Date.parse(AT) - 1000),
      5_000,
      'a clock behind the server adds nothing',
    );
  });

  it("names agents' queue states and durations as the chat's card does", () => {
    assert.deepEqual((['idle', 'ringing', 'onCall', 'signedOut'] as const).map(agentStateWords), [
      'free',
      'ringing',
      'on a call',
      'signed out',
    ]);
    assert.deepEqual([durationWords(12_000), durationWords(3_723_000)], ['12 s', '1 h 02 min']);
  });
});

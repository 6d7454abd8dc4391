import assert from 'node:assert/strict';
import {
  endWords,
  outcomeOf,
  ringOutcome,
  wordsFor,
  type CallOutcome,
} from '../../../../calling/core/outcomes';

// Every documented end code pair (SPEC §2.3) and the SIP answers Graph's codes follow, with the outcome
// and the words a person reads on the chat card, in the tab and on the timeline.
const TABLE: ReadonlyArray<[code: number, subcode: number, outcome: CallOutcome, words: string]> = [
  [200, 4097, 'hungUp', 'the other party hung up'],
  [200, 4521, 'hungUp', 'the other party hung up'],
  [200, 5000, 'removed', 'removed from the call'],
  [200, 5001, 'completed', 'the call ended'],
  [200, 5002, 'completed', 'the call ended'],
  [200, 5003, 'completed', 'the call ended'],
  [200, 5007, 'completed', 'the call ended'],
  [200, 5010, 'completed', 'the call ended'],
  [200, 5012, 'completed', 'the call ended'],
  [200, 5013, 'noAnswer', 'no answer'],
  [200, 5014, 'failed', 'the call failed (200/5014)'],
  [200, 5020, 'completed', 'the call ended'],
  [200, 5030, 'completed', 'the call ended'],
  [200, 5300, 'removed', 'removed from the call'],
  [200, 5855, 'removed', 'removed from the call'],
  [200, 7000, 'endedByApp', 'ended by the app'],
  [200, 7015, 'transferred', 'the transfer completed'],
  [0, 7015, 'transferred', 'the transfer completed'],
  [200, 10550, 'endedByApp', 'ended by the app'],
  [200, 18503, 'hungUp', 'the other party hung up'],
  [200, 540000, 'hungUp', 'the other party hung up'],
  [200, 560000, 'hungUp', 'the other party hung up'],
  [408, 8537, 'inactive', 'ended after 45 minutes without a keep-alive'],
  [408, 1106, 'timedOut', 'not answered in time'],
  [408, 10057, 'noAnswer', 'no answer'],
  [410, 301005, 'failed', 'the call failed (410/301005)'],
  [480, 10037, 'unreachable', 'could not be reached'],
  [480, 10076, 'busy', 'busy'],
  [480, 10134, 'declined', 'declined'],
  [480, 10199, 'unreachable', 'could not be reached'],
  [500, 1005, 'failed', 'the call failed (500/1005)'],
  [486, 0, 'busy', 'busy'],
  [603, 0, 'declined', 'declined'],
  [403, 7504, 'notSetUp', ''],
  [403, 7505, 'notSetUp', ''],
  [200, 99999, 'completed', 'the call ended'],
  [0, 0, 'completed', 'the call ended'],
  [408, 1, 'noAnswer', 'no answer'],
  [503, 12, 'failed', 'the call failed (503/12)'],
];

describe('the catalogue of outcomes', () => {
  for (const [code, subcode, outcome, words] of TABLE) {
    it(`${code}/${subcode} is ${outcome}${words ? `: "${words}"` : ''}`, () => {
      assert.equal(outcomeOf({ code, subcode }), outcome);
      if (words) assert.equal(endWords({ code, subcode }), words);
    });
  }

  it('names licensing and consent for 7504/7505, whatever the code', () => {
    for (const subcode of [7504, 7505]) {
      const said = endWords({ code: 500, subcode });
      assert.match(said, /admin consent/);
      assert.match(said, /licensing/);
    }
  });

  it('reads an AppTransferred termination as a transfer, and no resultInfo as a plain end', () => {
    assert.equal(outcomeOf(undefined, 'AppTransferred'), 'transferred');
    assert.equal(outcomeOf(undefined), 'completed');
    assert.equal(endWords(undefined), 'the call ended');
  });

  it("keeps Graph's message on an unknown failure", () => {
    assert.equal(endWords({ code: 503, subcode: 12, message: 'boom' }), 'the call failed (503/12): boom');
  });

  it('says who did it when that is known', () => {
    assert.equal(wordsFor('endedByApp', 'Adele Vance'), 'hung up by Adele Vance');
    assert.equal(wordsFor('hungUp', 'Megan Bowen'), 'hung up by Megan Bowen');
    assert.equal(wordsFor('transferred', 'Megan Bowen'), 'put through to Megan Bowen');
    assert.equal(wordsFor('removed', 'Lee Gu'), 'removed by Lee Gu');
    // Words that name nobody stay as they are.
    assert.equal(wordsFor('busy', 'Joni Sherman'), 'busy');
    assert.equal(wordsFor('noAnswer'), 'no answer');
  });

  it('says what a failed ring means for the person rung', () => {
    assert.equal(ringOutcome('declined'), 'declined');
    assert.equal(ringOutcome('busy'), 'busy');
    assert.equal(ringOutcome('unreachable'), 'unreachable');
    assert.equal(ringOutcome('noAnswer'), 'noAnswer');
    assert.equal(ringOutcome('timedOut'), 'noAnswer');
    assert.equal(ringOutcome('completed'), 'noAnswer');
    assert.equal(ringOutcome('failed'), 'unreachable');
    assert.equal(ringOutcome('notSetUp'), 'unreachable');
  });
});

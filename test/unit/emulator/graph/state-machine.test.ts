import assert from 'node:assert/strict';
import { canTransition, changeTypeFor, nextStates } from '../../../../emulator/graph/state-machine';
import type { CallState } from '../../../../emulator/graph/model';

const ALL: CallState[] = [
  'incoming',
  'establishing',
  'established',
  'hold',
  'transferring',
  'transferAccepted',
  'redirecting',
  'terminating',
  'terminated',
];

describe('call state machine', () => {
  it('allows the documented flows', () => {
    const flows: CallState[][] = [
      ['establishing', 'established', 'terminating', 'terminated'],
      ['incoming', 'establishing', 'established', 'terminated'],
      ['incoming', 'terminated'],
      ['incoming', 'redirecting', 'terminated'],
      ['established', 'transferring', 'transferAccepted', 'terminated'],
      ['established', 'transferring', 'established'],
    ];
    for (const flow of flows) {
      for (let i = 1; i < flow.length; i++)
        assert.ok(canTransition(flow[i - 1]!, flow[i]!), `${flow[i - 1]} -> ${flow[i]}`);
    }
  });

  it('refuses going back to incoming or leaving terminated', () => {
    for (const s of ALL) assert.equal(canTransition(s, 'incoming'), false, `${s} -> incoming`);
    assert.deepEqual(nextStates('terminated'), []);
    assert.equal(canTransition('established', 'establishing'), false);
    assert.equal(canTransition('transferAccepted', 'established'), false);
  });

  it('lets every live state end', () => {
    for (const s of ALL.filter((x) => x !== 'terminated')) assert.ok(canTransition(s, 'terminated'), s);
  });

  it('announces the end of a call as deleted and everything else as updated', () => {
    assert.equal(changeTypeFor('terminated'), 'deleted');
    assert.equal(changeTypeFor('terminating'), 'updated');
    assert.equal(changeTypeFor('established'), 'updated');
  });
});

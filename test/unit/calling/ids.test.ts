import assert from 'node:assert/strict';
import { idKey, sameId } from '../../../calling/ids';

const HYPHENATED = '57dab8b1-894c-409a-b240-bd8beae78896';
const COMPACT_UPPER = '57DAB8B1894C409AB240BD8BEAE78896';

describe('calling ids: matching a Graph id whatever its spelling', () => {
  it('gives every spelling of one GUID the same key', () => {
    for (const spelling of [
      HYPHENATED,
      COMPACT_UPPER,
      HYPHENATED.toUpperCase(),
      COMPACT_UPPER.toLowerCase(),
    ]) {
      assert.equal(idKey(spelling), HYPHENATED, spelling);
    }
  });

  it('keeps ids that are not GUIDs as they are (no case folding that could merge two of them)', () => {
    assert.equal(idKey('op-now'), 'op-now');
    assert.equal(idKey('Op-Now'), 'Op-Now');
    assert.equal(idKey('57DAB8B1894C409AB240BD8BEAE7889'), '57DAB8B1894C409AB240BD8BEAE7889');
  });

  it('sameId: spellings of one GUID match, different GUIDs do not', () => {
    assert.equal(sameId(COMPACT_UPPER, HYPHENATED), true);
    assert.equal(sameId(HYPHENATED.toUpperCase(), COMPACT_UPPER.toLowerCase()), true);
    assert.equal(sameId(COMPACT_UPPER, '57dab8b1-894c-409a-b240-bd8beae78897'), false);
    assert.equal(sameId('op-now', 'OP-NOW'), false);
  });
});

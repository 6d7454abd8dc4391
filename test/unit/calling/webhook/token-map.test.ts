import assert from 'node:assert/strict';
import { createTokenMap } from '../../../../calling/webhook/token-map';

const T0 = 1_900_000_000;
const TAIL = 'Zq7-Lw0_xYp3N8mR2sT6vB1cD4eF9gH5';

describe('calling/webhook token-map', () => {
  it('answers only for the exact token, also among tokens that share their last characters', () => {
    const map = createTokenMap<string>(10);
    map.set(`aaaa.bbbb.${TAIL}`, 'first', T0 + 60);
    assert.equal(map.get(`aaaa.bbbb.${TAIL}`, T0), 'first');
    assert.equal(map.get(`aaaa.cccc.${TAIL}`, T0), undefined);
    assert.equal(map.get(`x${TAIL}`, T0), undefined);
    map.set(`aaaa.cccc.${TAIL}`, 'second', T0 + 60);
    assert.equal(map.get(`aaaa.cccc.${TAIL}`, T0), 'second');
    assert.equal(map.get(`aaaa.bbbb.${TAIL}`, T0), 'first');
  });

  it('forgets an entry once its time is past, and is bounded (oldest out first)', () => {
    const map = createTokenMap<number>(2);
    map.set('token-a', 1, T0 + 10);
    assert.equal(map.get('token-a', T0 + 10), 1);
    assert.equal(map.get('token-a', T0 + 11), undefined);
    map.set('token-b', 2, T0 + 99);
    map.set('token-c', 3, T0 + 99);
    map.set('token-d', 4, T0 + 99);
    assert.deepEqual(
      ['token-b', 'token-c', 'token-d'].map((t) => map.get(t, T0)),
      [undefined, 3, 4],
    );
  });

  it('short tokens work, and a size of 0 remembers nothing', () => {
    const map = createTokenMap<string>(5);
    map.set('abc', 'x', T0 + 1);
    assert.equal(map.get('abc', T0), 'x');
    assert.equal(map.get('ab', T0), undefined);
    const none = createTokenMap<string>(0);
    none.set('abc', 'x', T0 + 1);
    assert.equal(none.get('abc', T0), undefined);
  });
});

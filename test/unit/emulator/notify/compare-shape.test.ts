import assert from 'node:assert/strict';
import { compareShape } from '../../../helpers/shape';

describe('test helper compareShape', () => {
  const twin = {
    '@odata.type': '#microsoft.graph.commsNotification',
    changeType: 'deleted',
    resourceData: {
      '@odata.type': '#microsoft.graph.playPromptOperation',
      status: 'completed',
      resultInfo: { code: 200, subcode: 0, message: 'done' },
      extra: null,
    },
    list: [{ a: 1, b: 'x' }, { a: 2 }],
    empty: [],
  };

  it('accepts the same shape with different values', () => {
    const actual = structuredClone(twin);
    actual.changeType = 'updated';
    actual.resourceData.resultInfo = { code: 400, subcode: 8508, message: 'other' };
    actual.list = [{ a: 9, b: 'y' }];
    (actual as { empty: unknown[] }).empty = [1, 'two'];
    assert.deepEqual(compareShape(actual, twin), []);
  });

  it('reports missing keys, extra keys, kind changes and @odata.type changes by path', () => {
    const actual = structuredClone(twin) as Record<string, unknown> & typeof twin;
    delete (actual.resourceData.resultInfo as Partial<typeof twin.resourceData.resultInfo>).subcode;
    (actual.resourceData.resultInfo as Record<string, unknown>).subCode = 0;
    (actual.resourceData as Record<string, unknown>).status = 1;
    (actual.resourceData as Record<string, unknown>).extra = 'now a string';
    actual.resourceData['@odata.type'] = '#microsoft.graph.recordOperation';
    actual.list = [{ a: 1, b: 'x' }, { a: 1 }];
    assert.deepEqual(compareShape(actual, twin).sort(), [
      'list[1].b: missing',
      'resourceData.@odata.type: "#microsoft.graph.recordOperation" where the twin has "#microsoft.graph.playPromptOperation"',
      'resourceData.extra: string where the twin has null',
      'resourceData.resultInfo.subCode: not in the twin',
      'resourceData.resultInfo.subcode: missing',
      'resourceData.status: number where the twin has string',
    ]);
  });

  it('treats object vs array and a missing root as differences', () => {
    assert.deepEqual(compareShape({ resourceData: {} }, { resourceData: [] }), [
      'resourceData: object where the twin has array',
    ]);
    assert.deepEqual(compareShape(undefined, {}), ['(root): missing']);
  });

  it('honours ignore paths, with [] for any index and prefixes for subtrees', () => {
    const actual = { a: { b: 1, c: 'x' }, list: [{ id: 's', extra: true }] };
    const t = { a: { b: 'one' }, list: [{ id: 's' }] };
    assert.equal(compareShape(actual, t).length, 3);
    assert.deepEqual(compareShape(actual, t, { ignore: ['a', 'list[].extra'] }), []);
    assert.deepEqual(compareShape(actual, t, { ignore: ['a.b', 'list[0].extra'] }), ['a.c: not in the twin']);
  });

  it('compares array elements with the best-matching twin element when asked', () => {
    const t = { roster: [{ id: 'u', region: 'emea' }, { id: 'bot' }] };
    const actual = { roster: [{ id: 'bot2' }, { id: 'u2', region: 'amer' }] };
    assert.deepEqual(compareShape(actual, t), ['roster[0].region: missing']);
    assert.deepEqual(compareShape(actual, t, { arrays: 'best' }), []);
    assert.deepEqual(compareShape({ roster: [{ name: 1 }] }, t, { arrays: 'best' }).length, 2);
  });

  it('ignores keys whose value is undefined (they never reach the wire)', () => {
    assert.deepEqual(compareShape({ a: 1, b: undefined }, { a: 2 }), []);
  });
});

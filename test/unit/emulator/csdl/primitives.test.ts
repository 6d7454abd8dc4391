import assert from 'node:assert/strict';
import { enumType } from '../../../../emulator/csdl';
import { checkEnum } from '../../../../emulator/csdl/enums';
import { checkPrimitive } from '../../../../emulator/csdl/primitives';
import type { PrimitiveVerdict } from '../../../../emulator/csdl/primitives';
import { sharedModel } from './shared-model';

// [type, value, verdict without IEEE754Compatible, verdict with IEEE754Compatible=true]
const CASES: [string, unknown, PrimitiveVerdict, PrimitiveVerdict][] = [
  ['Edm.String', 'x', 'ok', 'ok'],
  ['Edm.String', 5, 'kind', 'kind'],
  ['Edm.Boolean', false, 'ok', 'ok'],
  ['Edm.Boolean', 'false', 'kind', 'kind'],
  ['Edm.Int32', 15, 'ok', 'ok'],
  ['Edm.Int32', '15', 'kind', 'kind'],
  ['Edm.Int32', 1.5, 'literal', 'literal'],
  ['Edm.Int32', 2 ** 31, 'literal', 'literal'],
  ['Edm.Int64', 42, 'ok', 'ieee754'],
  ['Edm.Int64', '42', 'ieee754', 'ok'],
  ['Edm.Int64', '4x', 'literal', 'literal'],
  ['Edm.Decimal', 1.25, 'ok', 'ieee754'],
  ['Edm.Decimal', '1.25', 'ieee754', 'ok'],
  ['Edm.Double', 'NaN', 'ok', 'ok'],
  ['Edm.Double', 'x', 'kind', 'kind'],
  ['Edm.DateTimeOffset', '2024-05-01T10:00:00Z', 'ok', 'ok'],
  ['Edm.DateTimeOffset', '2016-11-20T18:23:45.9356913Z', 'ok', 'ok'],
  ['Edm.DateTimeOffset', '2024-05-01T10:00:00+02:00', 'ok', 'ok'],
  ['Edm.DateTimeOffset', '2024-05-01T10:00:00', 'literal', 'literal'],
  ['Edm.DateTimeOffset', '2024-05-01', 'literal', 'literal'],
  ['Edm.DateTimeOffset', '2024-02-29T10:00:00Z', 'ok', 'ok'],
  ['Edm.DateTimeOffset', '2023-02-29T10:00:00Z', 'literal', 'literal'],
  ['Edm.Date', '2024-04-31', 'literal', 'literal'],
  ['Edm.DateTimeOffset', '2024-13-01T10:00:00Z', 'literal', 'literal'],
  ['Edm.DateTimeOffset', 1714557600000, 'kind', 'kind'],
  ['Edm.Duration', 'PT5M', 'ok', 'ok'],
  ['Edm.Duration', 'P1DT2H3M4.5S', 'ok', 'ok'],
  ['Edm.Duration', '-PT1S', 'ok', 'ok'],
  ['Edm.Duration', 'P1Y', 'literal', 'literal'],
  ['Edm.Duration', 'PT', 'literal', 'literal'],
  ['Edm.Duration', 'P', 'literal', 'literal'],
  ['Edm.Duration', '00:05:00', 'literal', 'literal'],
  ['Edm.Guid', '86528ee4-da06-4aa2-9aed-32e626300172', 'ok', 'ok'],
  ['Edm.Guid', '86528ee4da064aa29aed32e626300172', 'literal', 'literal'],
  ['Edm.Binary', 'aGVsbG8=', 'ok', 'ok'],
  ['Edm.Binary', 'aGVsbG8', 'ok', 'ok'],
  ['Edm.Binary', 'a-_b', 'ok', 'ok'],
  ['Edm.Binary', 'a', 'literal', 'literal'],
  ['Edm.Binary', 'not base64!', 'literal', 'literal'],
  ['Edm.Date', '2024-05-01', 'ok', 'ok'],
  ['Edm.TimeOfDay', '23:59:59.5', 'ok', 'ok'],
  ['Edm.TimeOfDay', '24:00', 'literal', 'literal'],
  ['Edm.Stream', 'x', 'kind', 'kind'],
];

describe('emulator/csdl: primitive values (OData JSON format rules)', () => {
  for (const [type, value, plain, ieee] of CASES) {
    it(`${type} ${JSON.stringify(value)} → ${plain} / IEEE754Compatible ${ieee}`, () => {
      assert.equal(checkPrimitive(type, value), plain);
      assert.equal(checkPrimitive(type, value, { ieee754Compatible: true }), ieee);
    });
  }
});

describe('emulator/csdl: enum values', () => {
  const model = sharedModel();
  const tone = enumType(model, 'microsoft.graph.tone');
  const reason = enumType(model, 'microsoft.graph.rejectReason');
  const flags = [...model.enumTypes.values()].find((e) => e.isFlags && e.members.length >= 3);

  it('accepts member names case-sensitively and says which member was meant', () => {
    assert.ok(reason);
    assert.deepEqual(checkEnum(reason, 'busy'), { ok: true });
    assert.deepEqual(checkEnum(reason, 'Busy'), {
      ok: false,
      reason: 'member',
      part: 'Busy',
      caseHint: 'busy',
    });
    assert.deepEqual(checkEnum(reason, 'hungUp'), {
      ok: false,
      reason: 'member',
      part: 'hungUp',
      caseHint: undefined,
    });
  });

  it('accepts a member value written as a string, and refuses JSON numbers', () => {
    assert.ok(tone);
    assert.deepEqual(checkEnum(tone, '10'), { ok: true }, 'star is 10 in the file');
    assert.deepEqual(checkEnum(tone, 10), { ok: false, reason: 'kind' });
    assert.equal(checkEnum(tone, '99').ok, false);
  });

  it('refuses a comma-separated value for a non-flags enum', () => {
    assert.ok(tone);
    assert.equal(checkEnum(tone, 'tone1,tone2').ok, false);
  });

  it('accepts comma-separated members of a flags enum (IsFlags="true")', () => {
    assert.ok(flags, 'the file declares flags enums');
    const [a, b] = flags.members.filter((m) => m.value !== 0);
    assert.ok(a && b);
    assert.deepEqual(checkEnum(flags, `${a.name},${b.name}`), { ok: true });
    assert.deepEqual(checkEnum(flags, `${a.name}, ${b.name}`), { ok: true });
    assert.equal(checkEnum(flags, `${a.name},nope`).ok, false);
    assert.deepEqual(checkEnum(flags, String(a.value | b.value)), { ok: true });
  });
});

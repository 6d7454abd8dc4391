import assert from 'node:assert/strict';
import {
  addDays,
  instantOf,
  instantOfIso,
  instantShownInZone,
  isTimeZone,
  showInZone,
  wallClockAt,
} from '../../../time';

describe('time: ISO times in time zones (reminders)', () => {
  it('reads a local time in its zone, winter and summer', () => {
    assert.equal(instantOfIso('2025-01-15T09:00', 'Europe/Paris'), Date.parse('2025-01-15T08:00:00Z'));
    assert.equal(instantOfIso('2025-07-15T09:00', 'Europe/Paris'), Date.parse('2025-07-15T07:00:00Z'));
    assert.equal(instantOfIso('2025-07-15T09:00:30', 'America/New_York'), Date.parse('2025-07-15T13:00:30Z'));
    assert.equal(instantOfIso('2025-07-15 23:59', 'Asia/Kolkata'), Date.parse('2025-07-15T18:29:00Z'));
  });

  it('takes an instant with Z or an offset as it is, whatever the zone', () => {
    assert.equal(instantOfIso('2025-07-15T09:00Z', 'Asia/Tokyo'), Date.parse('2025-07-15T09:00:00Z'));
    assert.equal(instantOfIso('2025-07-15T09:00:00+02:00', 'UTC'), Date.parse('2025-07-15T07:00:00Z'));
  });

  it('moves a time skipped by the spring change forward and takes the first of a repeated one', () => {
    // Paris skips 02:00-03:00 on 2025-03-30 and repeats 02:00-03:00 on 2025-10-26.
    assert.equal(instantOfIso('2025-03-30T02:30', 'Europe/Paris'), Date.parse('2025-03-30T01:30:00Z'));
    assert.equal(instantOfIso('2025-10-26T02:30', 'Europe/Paris'), Date.parse('2025-10-26T00:30:00Z'));
    assert.equal(instantOfIso('2025-10-26T03:30', 'Europe/Paris'), Date.parse('2025-10-26T02:30:00Z'));
  });

  it('refuses what is not a time and knows zone names', () => {
    for (const bad of ['tomorrow', '2025-02-30T09:00', '2025-01-01T25:00', '09:00'])
      assert.equal(instantOfIso(bad, 'UTC'), undefined, bad);
    assert.equal(isTimeZone('Europe/Paris'), true);
    assert.equal(isTimeZone('Mars/Olympus'), false);
    assert.equal(
      showInZone(Date.parse('2025-07-15T07:00:00Z'), 'Europe/Paris'),
      '2025-07-15 09:00 (Europe/Paris)',
    );
  });
});

describe('time: a time shown in a zone, read back', () => {
  it('gives the instant showInZone was given, in any zone', () => {
    for (const [iso, zone] of [
      ['2025-07-15T07:00:00Z', 'Europe/Paris'],
      ['2025-03-10T14:00:00Z', 'America/Los_Angeles'],
      ['2025-12-31T23:59:00Z', 'Asia/Kolkata'],
    ] as const) {
      const at = Date.parse(iso);
      assert.equal(instantShownInZone(showInZone(at, zone)), at, `${iso} in ${zone}`);
    }
  });

  it('reads nothing else as a time', () => {
    for (const text of ['09:00 UTC', '2025-07-15 09:00', '2025-07-15 09:00 (Mars/Olympus)', 'soon', ''])
      assert.equal(instantShownInZone(text), undefined, text);
  });
});

describe('time: wall clocks and calendar dates', () => {
  it('reads the wall clock and weekday of an instant in a zone', () => {
    assert.deepEqual(wallClockAt(Date.parse('2025-03-02T23:30:00Z'), 'Asia/Tokyo'), {
      year: 2025,
      month: 3,
      day: 3,
      hour: 8,
      minute: 30,
      weekday: 1,
    });
  });

  it('turns a date and a clock time into the instant, and adds days across month and year ends', () => {
    assert.equal(
      instantOf({ year: 2025, month: 7, day: 15 }, 9, 0, 'Europe/Paris'),
      Date.parse('2025-07-15T07:00:00Z'),
    );
    assert.deepEqual(addDays({ year: 2025, month: 12, day: 31 }, 1), { year: 2026, month: 1, day: 1 });
    assert.deepEqual(addDays({ year: 2024, month: 2, day: 28 }, 1), { year: 2024, month: 2, day: 29 });
  });
});

// The bot's parser, reminders and the front desk's hours read local times in zones through one module;
// around a DST change they must mean the same instant (a skipped hour moves forward, a repeated hour
// takes its first occurrence).
import assert from 'node:assert/strict';
import { parseWhen } from '../../../bot/parse/when';
import { localTime, openAt } from '../../../calling/flows/frontdesk/hours';
import { newReminder } from '../../../calling/flows/reminders/validate';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';

interface Case {
  readonly what: string;
  readonly timeZone: string;
  readonly date: string;
  readonly clock: string;
  /** The instant both must name. */
  readonly expected: string;
  /** What the zone's clock shows at that instant. */
  readonly shows: string;
}

const CASES: Case[] = [
  {
    what: 'a repeated hour (Paris falls back 03:00 → 02:00)',
    timeZone: 'Europe/Paris',
    date: '2026-10-25',
    clock: '02:30',
    expected: '2026-10-25T00:30:00Z',
    shows: '02:30',
  },
  {
    what: 'a repeated hour west of Greenwich (New York falls back 02:00 → 01:00)',
    timeZone: 'America/New_York',
    date: '2026-11-01',
    clock: '01:30',
    expected: '2026-11-01T05:30:00Z',
    shows: '01:30',
  },
  {
    what: 'a skipped hour (Paris springs forward 02:00 → 03:00)',
    timeZone: 'Europe/Paris',
    date: '2026-03-29',
    clock: '02:30',
    expected: '2026-03-29T01:30:00Z',
    shows: '03:30',
  },
  {
    what: 'a skipped hour west of Greenwich (New York springs forward 02:00 → 03:00)',
    timeZone: 'America/New_York',
    date: '2026-03-08',
    clock: '02:30',
    expected: '2026-03-08T07:30:00Z',
    shows: '03:30',
  },
];

describe('time: the parser, reminders and the front desk agree around DST changes', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  for (const c of CASES) {
    it(c.what, () => {
      const expected = Date.parse(c.expected);
      // "am" spelled out: the parser reads a bare "at 2:30" as the afternoon.
      const parsed = parseWhen(['on', c.date, 'at', `${c.clock}am`], 0, { now, timeZone: c.timeZone });
      assert.ok(parsed && 'at' in parsed, `the parser read it: ${JSON.stringify(parsed)}`);
      assert.equal(new Date(parsed.at).toISOString(), new Date(expected).toISOString(), 'the bot parser');

      const reminder = newReminder(
        {
          who: ADELE,
          when: `${c.date}T${c.clock}`,
          timeZone: c.timeZone,
          message: 'Check the change',
          requestedBy: { id: 'u-1', name: 'Megan' },
        },
        { id: 'r1', now, backoffUnitMs: 60_000 },
      );
      assert.equal(new Date(reminder.dueAt).toISOString(), new Date(expected).toISOString(), 'reminders');

      const local = localTime(expected, c.timeZone);
      const [h, m] = c.shows.split(':').map(Number) as [number, number];
      assert.deepEqual({ date: local.date, minute: local.minute }, { date: c.date, minute: h * 60 + m });
      const everyDay = [`${c.shows}-${String(h + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`];
      const hours = {
        timeZone: c.timeZone,
        weekly: {
          sun: everyDay,
          mon: everyDay,
          tue: everyDay,
          wed: everyDay,
          thu: everyDay,
          fri: everyDay,
          sat: everyDay,
        },
        holidays: [],
      };
      assert.equal(openAt(hours, expected).open, true, 'the front desk opens at that instant');
      assert.equal(openAt(hours, expected - 60_000).open, false, 'and not a minute before');
    });
  }
});

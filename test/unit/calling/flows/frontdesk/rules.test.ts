import assert from 'node:assert/strict';
import {
  decide,
  frontDeskConfigSchema,
  openAt,
  phonePattern,
  callerMatches,
  validateFrontDeskConfig,
  type FrontDeskConfig,
} from '../../../../../calling/flows/frontdesk';
import { parseConfigText, ConfigFileError, readConfigFile } from '../../../../../calling/flows/runtime';

const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
const hours = {
  timeZone: 'Europe/Berlin',
  weekly: {
    mon: ['09:00-17:00'],
    tue: ['09:00-17:00'],
    wed: ['09:00-12:00', '13:00-17:00'],
    thu: [],
    fri: [],
    sat: [],
    sun: [],
  },
  holidays: [
    { date: '2026-06-01', name: 'Whit Monday' },
    { date: '2026-06-02', hours: ['10:00-11:00'] },
  ],
};
const config = (): FrontDeskConfig =>
  frontDeskConfigSchema.parse({
    people: { alex: { user: ALEX }, desk: { phone: '+14255550100' } },
    hours,
    maxConcurrentCalls: 2,
    rules: [
      {
        name: 'blocked',
        when: { callers: [{ phone: '+1900*' }, { anonymous: true }] },
        then: { reject: 'forbidden' },
      },
      { name: 'vip', when: { callers: ['alex'] }, then: { redirect: 'desk' } },
      { name: 'closed', when: { outsideHours: true }, then: { closed: {} } },
      { name: 'busy', when: { overCapacity: true }, then: { reject: 'busy' } },
      { name: 'menu', then: { ivr: 'main' } },
    ],
  });
// Berlin is UTC+2 in June 2026.
const at = (iso: string) => Date.parse(iso);
const someone = { kind: 'user' as const, id: 'u-1', displayName: 'Someone' };

describe('front desk rules', () => {
  it('business hours follow the time zone, the weekly ranges and holidays', () => {
    assert.equal(openAt(hours, at('2026-06-08T07:30:00Z')).open, true, 'Mon 09:30 Berlin');
    assert.equal(openAt(hours, at('2026-06-08T06:30:00Z')).open, false, 'Mon 08:30 Berlin');
    assert.equal(openAt(hours, at('2026-06-10T10:30:00Z')).open, false, 'Wed 12:30, the lunch gap');
    assert.equal(openAt(hours, at('2026-06-11T10:00:00Z')).open, false, 'Thursday: closed all day');
    const holiday = openAt(hours, at('2026-06-01T10:00:00Z'));
    assert.equal(holiday.open, false);
    assert.match(holiday.why, /holiday Whit Monday/);
    assert.equal(openAt(hours, at('2026-06-02T08:30:00Z')).open, true, 'special hours 10-11 on the 2nd');
    assert.equal(
      openAt(hours, at('2026-06-02T07:30:00Z')).open,
      false,
      'Tuesday 09:30 but the holiday hours rule',
    );
  });

  it('matches callers by directory name, user id, number pattern and anonymity', () => {
    const dir = { people: { alex: { user: ALEX } }, meetings: {} };
    assert.ok(
      callerMatches({ kind: 'user', id: ALEX.toUpperCase() }, 'alex', dir),
      'ids compare case-insensitively',
    );
    assert.ok(!callerMatches({ kind: 'phone', id: ALEX }, 'alex', dir));
    assert.ok(phonePattern('+1900*').test('+19005551234'));
    assert.ok(!phonePattern('+1900*').test('+14255551234'));
    assert.ok(phonePattern('+1425555010?').test('+14255550104'));
    assert.ok(!phonePattern('+1425555010?').test('+142555501045'));
    assert.ok(callerMatches({ kind: 'encrypted' }, { anonymous: true }, dir));
    assert.ok(!callerMatches(someone, { anonymous: true }, dir));
  });

  it('the first matching rule wins, with a reason', () => {
    const c = config();
    const open = at('2026-06-08T08:00:00Z');
    assert.equal(
      decide(c, { caller: { kind: 'phone', id: '+19005550000' }, at: open, callsInProgress: 0 }).rule,
      'blocked',
    );
    assert.equal(decide(c, { caller: { kind: 'unknown' }, at: open, callsInProgress: 0 }).rule, 'blocked');
    const vip = decide(c, {
      caller: { kind: 'user', id: ALEX, displayName: 'Alex' },
      at: at('2026-06-11T08:00:00Z'),
      callsInProgress: 9,
    });
    assert.equal(vip.rule, 'vip', 'the VIP rule comes before hours and capacity');
    const closed = decide(c, { caller: someone, at: at('2026-06-11T08:00:00Z'), callsInProgress: 0 });
    assert.deepEqual(
      [closed.rule, closed.action],
      ['closed', { closed: { prompts: ['closed'], then: 'hangUp' } }],
    );
    const busy = decide(c, { caller: someone, at: open, callsInProgress: 2 });
    assert.equal(busy.rule, 'busy');
    assert.match(busy.reason, /2 incoming call\(s\) in progress, the limit is 2/);
    assert.equal(decide(c, { caller: someone, at: open, callsInProgress: 1 }).rule, 'menu');
  });

  it('a bad file names the line and the key', () => {
    const text = [
      'rules:',
      '  - name: x',
      '    then: { reject: maybe }',
      '  - name: y',
      '    when: { sometimes: true }',
      '    then: { ivr: main }',
    ].join('\n');
    assert.throws(
      () => parseConfigText(text, 'frontdesk.yaml', frontDeskConfigSchema),
      (err: unknown) => {
        assert.ok(err instanceof ConfigFileError);
        assert.match(err.message, /frontdesk\.yaml:3 rules\[0\]\.then/);
        assert.match(err.message, /frontdesk\.yaml:5 rules\[1\]\.when\.sometimes: unknown key "sometimes"/);
        return true;
      },
    );
    assert.throws(
      () =>
        parseConfigText(
          'hours:\n  timeZone: Mars/Olympus\n  weekly: {}\nrules: []',
          'f.yaml',
          frontDeskConfigSchema,
        ),
      /f\.yaml:2 hours\.timeZone: must be an IANA time zone/,
    );
  });

  it('a fallback names someone in people: (or an inline party)', () => {
    const base = { people: { reception: { user: ALEX } }, rules: [{ name: 'menu', then: { ivr: 'main' } }] };
    const ctx = { menuIds: new Set(['main']) };
    assert.equal(validateFrontDeskConfig({ ...base, fallback: 'reception' }, ctx).fallback, 'reception');
    assert.deepEqual(validateFrontDeskConfig({ ...base, fallback: { user: ALEX } }, ctx).fallback, {
      user: ALEX,
    });
    assert.throws(
      () => validateFrontDeskConfig({ ...base, fallback: 'nobody' }, ctx),
      /fallback: "nobody" is not in people:/,
    );
  });

  it('the shipped front desk file is valid', async () => {
    const c = await readConfigFile('config/frontdesk.yaml', frontDeskConfigSchema);
    assert.equal(c.rules.at(-1)?.then && 'ivr' in c.rules.at(-1)!.then, true);
  });
});

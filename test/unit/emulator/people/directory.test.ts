import assert from 'node:assert/strict';
import path from 'node:path';
import { Directory, loadTenant, parseScript } from '../../../../emulator/people';

const seed = loadTenant(path.resolve(__dirname, '../../../../emulator/seed/tenant.json'));

describe('people directory', () => {
  it('finds people by id, UPN and phone number in any spelling', () => {
    const d = new Directory(seed);
    const adele = d.person('86528EE4-DA06-4AA2-9AED-32E626300172');
    assert.equal(adele?.displayName, 'Adele Vance');
    assert.equal(d.person('adele.vance@contoso.example')?.id, adele?.id);
    assert.equal(d.personByPhone('+1 (425) 555-0100')?.id, adele?.id);
    assert.equal(d.resourceAccountByPhone('+14255550199')?.displayName, 'Switchboard Front Desk');
    assert.equal(d.meetingByJoinId('3141 5926 5358')?.id, 'seed-standup');
  });

  it('keeps script changes until reset, without touching the seed', () => {
    const d = new Directory(seed);
    const parsed = parseScript({ onRing: 'decline', answerAfterMs: 10 });
    assert.ok(parsed.ok);
    d.setScript('86528ee4-da06-4aa2-9aed-32e626300172', parsed.script);
    assert.equal(d.person('86528ee4-da06-4aa2-9aed-32e626300172')?.script.onRing, 'decline');
    assert.equal(seed.people[0]?.script.onRing, 'answer');
    d.reset();
    assert.equal(d.person('86528ee4-da06-4aa2-9aed-32e626300172')?.script.onRing, 'answer');
  });

  it('refuses scripts with unknown reactions or bad keys', () => {
    assert.equal(parseScript({ onRing: 'maybe' }).ok, false);
    assert.equal(parseScript({ onRing: 'answer', keys: [{ afterMs: 0, tones: '12x' }] }).ok, false);
    assert.equal(parseScript({ onRing: 'answer', speech: [{ afterMs: -1, durationMs: 10 }] }).ok, false);
  });
});

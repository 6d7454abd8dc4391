// Presence aggregation, setPresence durations and the presence service's sessions and change events,
// in-process with a fake clock.
import assert from 'node:assert/strict';
import path from 'node:path';
import { createClock } from '../../../../emulator/clock';
import { Directory, loadTenant } from '../../../../emulator/people';
import type { CallActivity, PresenceState } from '../../../../emulator/presence';
import { PresenceService, durationMs, effectivePresence, isSessionPair } from '../../../../emulator/presence';

const seed = loadTenant(path.resolve(__dirname, '../../../../emulator/seed/tenant.json'));
const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const GRADY = 'e379f344-1c81-49b1-b5f5-49d5bd653e0d';
const s = (availability: string, activity: string): PresenceState => ({ availability, activity });

describe('emulator presence: aggregation', () => {
  it('shows a live call over the person’s own state and the apps’ sessions', () => {
    assert.deepEqual(
      effectivePresence(s('Away', 'Away'), [s('Available', 'Available')], 'p2p'),
      s('Busy', 'InACall'),
    );
    assert.deepEqual(
      effectivePresence(s('Available', 'Available'), [], 'conference'),
      s('Busy', 'InAConferenceCall'),
    );
  });

  it('keeps hand-set Do not disturb, Be right back and Appear offline, even in a call', () => {
    for (const own of [
      s('DoNotDisturb', 'DoNotDisturb'),
      s('BeRightBack', 'BeRightBack'),
      s('Offline', 'OffWork'),
    ])
      assert.deepEqual(effectivePresence(own, [s('Busy', 'InACall')], 'p2p'), own);
  });

  it('ranks sessions DoNotDisturb > Busy > Available > Away, the own state winning ties', () => {
    const own = s('Available', 'Available');
    assert.deepEqual(
      effectivePresence(own, [s('Away', 'Away'), s('Busy', 'InACall')], undefined),
      s('Busy', 'InACall'),
    );
    assert.deepEqual(
      effectivePresence(own, [s('Busy', 'InAConferenceCall'), s('DoNotDisturb', 'Presenting')], undefined),
      s('DoNotDisturb', 'Presenting'),
    );
    assert.deepEqual(
      effectivePresence(s('Busy', 'Busy'), [s('Busy', 'InACall')], undefined),
      s('Busy', 'Busy'),
    );
    assert.deepEqual(effectivePresence(s('Away', 'Away'), [s('Available', 'Available')], undefined), own);
    assert.deepEqual(
      effectivePresence(s('Offline', 'Offline'), [s('Away', 'Away')], undefined),
      s('Away', 'Away'),
    );
  });

  it('accepts only the documented setPresence pairs', () => {
    assert.equal(isSessionPair(s('Busy', 'InACall')), true);
    assert.equal(isSessionPair(s('Away', 'Away')), true);
    assert.equal(isSessionPair(s('Busy', 'Busy')), false);
    assert.equal(isSessionPair(s('Available', 'Away')), false);
  });

  it('reads ISO 8601 durations', () => {
    assert.equal(durationMs('PT5M'), 300_000);
    assert.equal(durationMs('PT1H30M'), 5_400_000);
    assert.equal(durationMs('P1DT1S'), 86_401_000);
    assert.equal(durationMs('PT0.5S'), 500);
    assert.equal(durationMs('P'), undefined);
    assert.equal(durationMs('PT'), undefined);
    assert.equal(durationMs('5M'), undefined);
  });
});

describe('emulator presence: service', () => {
  const now = 1_000_000;
  const clock = createClock(() => now);
  const calls = new Map<string, CallActivity>();
  let directory: Directory;
  let svc: PresenceService;
  let changes: string[];

  beforeEach(() => {
    clock.reset();
    directory = new Directory(seed);
    svc = new PresenceService({ clock, directory, callActivity: (id) => calls.get(id) });
    changes = [];
    svc.onChange((id, p) => changes.push(`${id.slice(0, 4)} ${p.availability}/${p.activity}`));
    calls.clear();
  });
  afterEach(() => clock.reset());

  const person = (id: string) => {
    const p = directory.person(id);
    assert.ok(p);
    return p;
  };

  it('announces a change once, when the effective presence really changes', () => {
    calls.set(ADELE, 'p2p');
    svc.refresh();
    svc.refresh();
    calls.delete(ADELE);
    svc.refresh();
    assert.deepEqual(changes, ['8652 Busy/InACall', '8652 Available/Available']);
  });

  it('ends a session when its duration runs out on the emulator clock', () => {
    svc.setSession(person(GRADY), 'app-1', s('Busy', 'InACall'), 5 * 60_000);
    assert.deepEqual(svc.get(person(GRADY)), s('Busy', 'InACall'));
    clock.advance(4 * 60_000);
    assert.equal(svc.sessionsOf(GRADY).length, 1);
    clock.advance(2 * 60_000);
    assert.equal(svc.sessionsOf(GRADY).length, 0);
    assert.deepEqual(svc.get(person(GRADY)), s('Away', 'Away'));
    assert.deepEqual(changes, ['e379 Busy/InACall', 'e379 Away/Away']);
  });

  it('replaces a session set again by the same app, with its new expiry', () => {
    svc.setSession(person(GRADY), 'app-1', s('Busy', 'InACall'), 5 * 60_000);
    clock.advance(4 * 60_000);
    svc.setSession(person(GRADY), 'APP-1', s('Available', 'Available'), 5 * 60_000);
    clock.advance(2 * 60_000);
    assert.deepEqual(
      svc.sessionsOf(GRADY).map((x) => x.availability),
      ['Available'],
    );
    assert.equal(svc.clearSession(person(GRADY), 'app-1'), true);
    assert.equal(svc.clearSession(person(GRADY), 'app-1'), false);
  });

  it('keeps the own state on the person, so a directory reset restores the seed', () => {
    svc.setOwn(person(ADELE), s('DoNotDisturb', 'DoNotDisturb'));
    assert.deepEqual(svc.own(person(ADELE)), s('DoNotDisturb', 'DoNotDisturb'));
    directory.reset();
    svc.reset();
    assert.deepEqual(svc.get(person(ADELE)), s('Available', 'Available'));
  });
});

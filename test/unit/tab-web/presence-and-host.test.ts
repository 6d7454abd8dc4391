import assert from 'node:assert/strict';
import { loopbackHostOrigins, themeName } from '../../../teams-tab/web/src/host-rules';
import { badgeStatus, presenceLine, words } from '../../../teams-tab/web/src/presence';

describe('tab web: presence words and badges', () => {
  it('maps Graph availability to Fluent badge states', () => {
    assert.equal(badgeStatus('Available'), 'available');
    assert.equal(badgeStatus('BeRightBack'), 'away');
    assert.equal(badgeStatus('Busy'), 'busy');
    assert.equal(badgeStatus('DoNotDisturb'), 'do-not-disturb');
    assert.equal(badgeStatus('Offline'), 'offline');
    assert.equal(badgeStatus('PresenceUnknown'), 'unknown');
    assert.equal(badgeStatus(undefined), 'unknown');
  });

  it('turns PascalCase values into words and adds an activity that says more', () => {
    assert.equal(words('InAConferenceCall'), 'In a conference call');
    assert.equal(words('DoNotDisturb'), 'Do not disturb');
    assert.equal(presenceLine('Busy', 'InACall'), 'Busy · In a call');
    assert.equal(presenceLine('Available', 'Available'), 'Available');
    assert.equal(presenceLine('PresenceUnknown', undefined), 'Unknown');
  });
});

describe('tab web: host rules', () => {
  it('trusts only a loopback page as an extra host origin', () => {
    assert.deepEqual(loopbackHostOrigins('http://127.0.0.1:3979/host?x=1'), ['http://127.0.0.1:3979']);
    assert.deepEqual(loopbackHostOrigins('https://localhost:3979/host'), ['https://localhost:3979']);
    assert.deepEqual(loopbackHostOrigins('https://evil.example/host'), []);
    assert.deepEqual(loopbackHostOrigins('http://127.0.0.1.evil.example/'), []);
    assert.deepEqual(loopbackHostOrigins(''), []);
  });

  it('knows the three Teams themes and falls back to the default', () => {
    assert.equal(themeName('dark'), 'dark');
    assert.equal(themeName('contrast'), 'contrast');
    assert.equal(themeName('default'), 'default');
    assert.equal(themeName('sepia'), 'default');
    assert.equal(themeName(undefined), 'default');
  });
});

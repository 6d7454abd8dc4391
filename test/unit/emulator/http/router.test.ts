import assert from 'node:assert/strict';
import { findRoute, matchPattern, splitPath } from '../../../../emulator/http';
import type { Route } from '../../../../emulator/http';

const handle = () => ({ status: 200 });
const routes: Route[] = [
  { method: 'GET', pattern: '/v1.0/communications/calls/:callId', handle },
  { method: 'DELETE', pattern: '/v1.0/communications/calls/:callId', handle },
  { method: 'POST', pattern: '/v1.0/communications/calls/:callId/participants/invite', handle },
  { method: 'POST', pattern: '/v1.0/communications/calls/:callId/participants/:participantId/mute', handle },
];

describe('emulator router', () => {
  it('splits and decodes paths, refusing bad escapes', () => {
    assert.deepEqual(splitPath('/v1.0//communications/calls/a%20b/'), [
      'v1.0',
      'communications',
      'calls',
      'a b',
    ]);
    assert.equal(splitPath('/v1.0/%E0%A4%A'), undefined);
  });

  it('matches literal segments case-insensitively and keeps parameters as sent', () => {
    assert.deepEqual(
      matchPattern('/v1.0/communications/calls/:callId', ['V1.0', 'Communications', 'CALLS', 'AbC-1']),
      { callId: 'AbC-1' },
    );
    assert.equal(
      matchPattern('/v1.0/communications/calls/:callId', ['v1.0', 'communications', 'calls']),
      undefined,
    );
    assert.equal(matchPattern('/a/:b', ['a', 'x', 'y']), undefined);
  });

  it('accepts namespace-qualified action names', () => {
    assert.ok(matchPattern('/calls/:id/keepAlive', ['calls', '1', 'microsoft.graph.keepAlive']));
  });

  it('prefers a literal route and reports a known path with the wrong method', () => {
    const invite = findRoute(routes, 'POST', [
      'v1.0',
      'communications',
      'calls',
      'c1',
      'participants',
      'invite',
    ]);
    assert.equal(invite.kind, 'found');
    const mute = findRoute(routes, 'post', [
      'v1.0',
      'communications',
      'calls',
      'c1',
      'participants',
      'p9',
      'mute',
    ]);
    assert.ok(mute.kind === 'found' && mute.params.participantId === 'p9');
    const put = findRoute(routes, 'PUT', ['v1.0', 'communications', 'calls', 'c1']);
    assert.deepEqual(put, { kind: 'method-not-allowed', allowed: ['GET', 'DELETE'] });
    assert.equal(findRoute(routes, 'GET', ['v1.0', 'nothing']).kind, 'none');
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  callNotification,
  callNotificationKind,
  changeNotification,
  commsEnvelope,
  operationNotification,
  participantsNotification,
} from '../../../../emulator/notify';
import { fullCall, participant } from './calls';

type Json = Record<string, unknown>;
const data = (n: { resourceData: object | object[] }) => n.resourceData as Json;

describe('emulator/notify builders', () => {
  it('guesses the documented kind from the change and the call', () => {
    const cases: Array<[Parameters<typeof callNotificationKind>[0], Json, string]> = [
      ['created', fullCall(), 'incoming'],
      ['created', fullCall({ source: { identity: { phone: { id: '+1' } } } }), 'incomingPstn'],
      ['created', fullCall({ chatInfo: { threadId: 't' } }), 'incomingGroup'],
      ['updated', fullCall({ state: 'establishing' }), 'establishing'],
      ['updated', fullCall({ state: 'established' }), 'established'],
      ['updated', fullCall({ state: 'established', toneInfo: { sequenceId: 1, tone: 'star' } }), 'tone'],
      [
        'updated',
        fullCall({ state: 'established', resultInfo: { code: 500, subcode: 7000 } }),
        'transferFailed',
      ],
      ['updated', fullCall({ state: 'hold' }), 'changed'],
      ['deleted', fullCall({ state: 'incoming' }), 'rejected'],
      [
        'deleted',
        fullCall({ state: 'terminated', resultInfo: { code: 0, subcode: 7015 } }),
        'transferCompleted',
      ],
      ['deleted', fullCall({ state: 'terminated', resultInfo: { code: 200, subcode: 5001 } }), 'terminated'],
    ];
    for (const [change, call, kind] of cases) assert.equal(callNotificationKind(change, call), kind, kind);
  });

  it('lets the caller name the kind, e.g. a later update that is not a key press', () => {
    const call = fullCall({ state: 'established', toneInfo: { sequenceId: 3, tone: 'tone1' } });
    assert.ok('toneInfo' in data(callNotification('updated', call)));
    const plain = data(callNotification('updated', call, { kind: 'established' }));
    assert.deepEqual(Object.keys(plain), [
      '@odata.type',
      '@odata.id',
      '@odata.etag',
      'id',
      'state',
      'direction',
    ]);
  });

  it('types nested resultInfo and toneInfo and gives each notification a fresh etag', () => {
    const call = fullCall({ state: 'established', toneInfo: { sequenceId: 3, tone: 'pound' } });
    assert.deepEqual(data(callNotification('updated', call)).toneInfo, {
      '@odata.type': '#microsoft.graph.toneInfo',
      sequenceId: 3,
      tone: 'pound',
    });
    const a = data(callNotification('updated', fullCall({ state: 'established' })))['@odata.etag'];
    const b = data(callNotification('updated', fullCall({ state: 'established' })))['@odata.etag'];
    assert.match(String(a), /^W\/"\d+"$/);
    assert.notEqual(a, b);
  });

  it('copies the call so later changes cannot reach a queued notification', () => {
    const call = fullCall({ state: 'incoming' });
    const n = callNotification('created', call);
    (call.source as Json).region = 'changed';
    call.state = 'terminated';
    assert.equal(data(n).state, 'incoming');
    assert.equal((data(n).source as Json).region, 'amer');
    const p = participant('user');
    const roster = participantsNotification('c', 'updated', [p]);
    p.isMuted = false;
    assert.equal(((roster.resourceData as Json[])[0] as Json).isMuted, true);
  });

  it('refuses a call without an id', () => {
    assert.throws(() => callNotification('updated', { state: 'established' }), /call id/);
  });

  it('writes operation ids as asked and names empty recordings', () => {
    const callId = randomUUID();
    const op = {
      '@odata.type': '#microsoft.graph.playPromptOperation',
      id: randomUUID(),
      status: 'completed',
    };
    assert.equal(
      operationNotification(callId, op, { idStyle: 'hyphenated' }).resourceUrl,
      `/communications/calls/${callId}/operations/${op.id}`,
    );
    const mute = operationNotification(callId, {
      '@odata.type': '#microsoft.graph.muteParticipantOperation',
      id: 'm1',
      status: 'completed',
    });
    assert.deepEqual(Object.keys(data(mute)), ['@odata.type', '@odata.id', 'id', 'status']);
    const rec = operationNotification(callId, {
      '@odata.type': '#microsoft.graph.recordOperation',
      id: 'r',
      status: 'failed',
    });
    assert.equal(data(rec).recordingLocation, '');
  });

  it('omits clientState when the subscription has none and keeps the envelope type', () => {
    const n = changeNotification(
      { id: 's', expirationDateTime: '2030-01-01T00:00:00Z', tenantId: 't' },
      'updated',
      'communications/presences/u1',
      { '@odata.type': '#Microsoft.Graph.presence', id: 'u1', availability: 'Busy' },
    );
    assert.equal('clientState' in n, false);
    assert.deepEqual(n.resourceData, {
      '@odata.type': '#Microsoft.Graph.presence',
      '@odata.id': 'communications/presences/u1',
      id: 'u1',
      availability: 'Busy',
    });
    assert.equal(commsEnvelope([])['@odata.type'], '#microsoft.graph.commsNotifications');
  });
});

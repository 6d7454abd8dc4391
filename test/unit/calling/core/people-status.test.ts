import assert from 'node:assert/strict';
import { callModel } from '../../../../calling/core';
import { withRinging, withSeen } from '../../../../calling/core/model/annotations';
import type { StoredCall } from '../../../../calling';
import { storedCall } from '../../../helpers/stored-call';

const ADELE = { key: 'adele-id', kind: 'person' as const, name: 'Adele Vance', userId: 'adele-id' };
const MEGAN = { key: 'megan-id', kind: 'person' as const, name: 'Megan Bowen', userId: 'megan-id' };
const LEE = { key: 'lee-id', kind: 'person' as const, name: 'Lee Gu', userId: 'lee-id' };

const row = (over: Partial<StoredCall>): StoredCall => storedCall('call-1', over);

const statuses = (c: StoredCall) =>
  callModel(c)
    .people.filter((p) => !p.isSelf)
    .map((p) => `${p.name}:${p.status}`);

describe('the call model: who is in the call', () => {
  it('keeps a group call’s targets ringing when the call connects before its first roster', () => {
    const meta = withRinging({ purpose: 'group', connectedAt: 2000 }, [ADELE, MEGAN, LEE], 'target', 1000);
    const call = row({ state: 'established', meta });
    assert.deepEqual(statuses(call), ['Adele Vance:ringing', 'Megan Bowen:ringing', 'Lee Gu:ringing']);
  });

  it('counts the one person of a 1:1 call as joined once the call is established (no roster in P2P)', () => {
    const meta = withRinging({ purpose: 'oneToOne', connectedAt: 2000 }, [MEGAN], 'target', 1000);
    assert.deepEqual(statuses(row({ state: 'established', meta })), ['Megan Bowen:joined']);
  });

  it('keeps the requester and the transfer target together once a transfer completed', () => {
    let meta = withRinging({ purpose: 'connect', connectedAt: 2000 }, [ADELE], 'target', 1000);
    meta = withRinging(meta, [MEGAN], 'transfer', 3000);
    const done = row({ meta, state: 'terminated', endedAt: 9000, endCode: 0, endSubcode: 7015 });
    assert.deepEqual(statuses(done), ['Adele Vance:joined', 'Megan Bowen:joined']);
    const model = callModel(done);
    assert.equal(model.end?.words, 'put through to Megan Bowen');
    assert.equal(model.people.find((p) => p.key === 'adele-id')?.leftAt, undefined);
  });

  it('still shows the requester as left when the call ended without being put through', () => {
    let meta = withRinging({ purpose: 'connect', connectedAt: 2000 }, [ADELE], 'target', 1000);
    meta = withRinging(meta, [MEGAN], 'transfer', 3000);
    const failed = row({ meta, state: 'terminated', endedAt: 9000, endCode: 200, endSubcode: 5001 });
    assert.equal(callModel(failed).people.find((p) => p.key === 'adele-id')?.status, 'left');
  });

  it('still counts a group call’s people as joined once the roster shows them', () => {
    let meta = withRinging({ purpose: 'group', connectedAt: 2000 }, [MEGAN, LEE], 'target', 1000);
    meta = withSeen(meta, { ...MEGAN, participantId: 'p-megan' }, 'joined', 2500);
    const present = {
      'p-megan': {
        id: 'p-megan',
        resource: { id: 'p-megan', info: { identity: { user: { id: 'megan-id' } } } },
      },
    };
    const call = row({ state: 'established', meta, participants: { present, gone: {} } });
    assert.deepEqual(statuses(call), ['Megan Bowen:joined', 'Lee Gu:ringing']);
  });
});

import assert from 'node:assert/strict';
import { callModel } from '../../../../calling/core';
import type { StoredCall } from '../../../../calling';
import { storedCall } from '../../../helpers/stored-call';
import {
  withHangUp,
  withMuteAsked,
  withRingFailed,
  withRinging,
  withSeen,
} from '../../../../calling/core/model/annotations';

const MEGAN = { key: 'megan-id', kind: 'person' as const, name: 'Megan Bowen', userId: 'megan-id' };
const LEE = { key: 'lee-id', kind: 'person' as const, name: 'Lee Gu', userId: 'lee-id' };

const row = (over: Partial<StoredCall> = {}): StoredCall => storedCall('call-1', over);

const ended = (code: number, subcode: number) => ({
  state: 'terminated',
  endedAt: 9000,
  endCode: code,
  endSubcode: subcode,
});

describe('the call model', () => {
  it('says "declined" for a 1:1 call the callee declined, and so does their entry', () => {
    const meta = withRinging({ purpose: 'oneToOne' }, [MEGAN], 'target', 1000);
    const call = callModel(row({ meta, ...ended(480, 10134) }));
    assert.equal(call.phase, 'ended');
    assert.equal(call.end?.outcome, 'declined');
    assert.equal(call.end?.words, 'declined');
    const megan = call.people.find((p) => p.key === 'megan-id');
    assert.equal(megan?.status, 'declined');
    assert.equal(megan?.name, 'Megan Bowen');
  });

  it('says "busy" for a busy callee (480/10076)', () => {
    const meta = withRinging({}, [MEGAN], 'target', 1000);
    const call = callModel(row({ meta, ...ended(480, 10076) }));
    assert.equal(call.end?.words, 'busy');
    assert.equal(call.people.find((p) => !p.isSelf)?.status, 'busy');
  });

  it('shows a ringing call as ringing, and its callee as ringing, until it connects', () => {
    const meta = withRinging({}, [MEGAN], 'target', 1000);
    const call = callModel(row({ meta }));
    assert.equal(call.phase, 'ringing');
    assert.equal(call.people.find((p) => !p.isSelf)?.status, 'ringing');
  });

  it('leaves nobody ringing once a group call ended', () => {
    let meta = withRinging({ purpose: 'group' }, [MEGAN, LEE], 'target', 1000);
    meta = withSeen(meta, { ...MEGAN, participantId: 'p-megan' }, 'joined', 2000);
    const call = callModel(row({ meta, ...ended(200, 5001) }));
    const statuses = call.people.filter((p) => !p.isSelf).map((p) => `${p.name}:${p.status}`);
    assert.deepEqual(statuses, ['Megan Bowen:left', 'Lee Gu:noAnswer']);
    assert.ok(call.people.every((p) => p.status !== 'ringing'));
  });

  it('gives the ring of a failed invitation the invitation’s outcome', () => {
    let meta = withRinging({ purpose: 'group' }, [LEE], 'invite', 1000, 'op-1');
    meta = withRingFailed(meta, 'op-1', 'declined', 2000);
    const call = callModel(row({ state: 'established', meta }));
    assert.equal(call.people.find((p) => p.key === 'lee-id')?.status, 'declined');
  });

  it('names who hung up when a person asked the app to', () => {
    const meta = withHangUp({ connectedAt: 2000 }, 5000, 'Adele Vance');
    const call = callModel(row({ meta, ...ended(200, 5001) }));
    assert.equal(call.end?.outcome, 'endedByApp');
    assert.equal(call.end?.words, 'hung up by Adele Vance');
    assert.equal(call.connectedAt, 2000);
    assert.equal(call.endedAt, 9000);
  });

  it('shows a mute as pending until the roster confirms it', () => {
    const present = (muted: boolean) => ({
      present: {
        'p-megan': {
          id: 'p-megan',
          resource: { id: 'p-megan', isMuted: muted, info: { identity: { user: { id: 'megan-id' } } } },
        },
      },
      gone: {},
    });
    let meta = withSeen({ purpose: 'group' }, { ...MEGAN, participantId: 'p-megan' }, 'joined', 2000);
    meta = withMuteAsked(meta, 'p-megan', 3000);
    const asked = callModel(row({ state: 'established', meta, participants: present(false) }));
    const megan = asked.people.find((p) => p.key === 'megan-id');
    assert.equal(megan?.muted, false);
    assert.equal(megan?.mutePending, true);
    const confirmed = callModel(row({ state: 'established', meta, participants: present(true) }));
    assert.equal(confirmed.people.find((p) => p.key === 'megan-id')?.muted, true);
    assert.equal(confirmed.people.find((p) => p.key === 'megan-id')?.mutePending, undefined);
  });

  it('keeps the purpose, origin and meeting the app noted', () => {
    const meta = {
      purpose: 'meeting' as const,
      origin: { surface: 'chat' as const, requestedBy: { name: 'Adele Vance' }, conversationId: 'conv-1' },
      meeting: { joinUrl: 'https://teams.example/l/meetup-join/x', subject: 'Weekly sync' },
    };
    const call = callModel(row({ meta, state: 'established' }));
    assert.equal(call.purpose, 'meeting');
    assert.equal(call.origin.requestedBy?.name, 'Adele Vance');
    assert.equal(call.subject, 'Weekly sync');
    assert.equal(call.phase, 'connected');
  });
});

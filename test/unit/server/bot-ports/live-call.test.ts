import assert from 'node:assert/strict';
import { kindOf, liveCallOf, phaseOf } from '../../../../server/bot-ports/live-call';
import { person, self, view } from './fake-calling';

const opts = { appName: 'Switchboard', now: 1000 };
const adele = { id: 'u-adele', name: 'Adele Vance', kind: 'person' as const, at: 1000 };

describe('bot ports: a call view as the bot’s LiveCall', () => {
  it('maps Graph states to phases; terminating depends on whether the call connected', () => {
    assert.equal(phaseOf('incoming', false), 'ringing');
    assert.equal(phaseOf('establishing', false), 'connecting');
    assert.equal(phaseOf('established', true), 'connected');
    assert.equal(phaseOf('hold', true), 'onHold');
    assert.equal(phaseOf('transferAccepted', true), 'transferring');
    assert.equal(phaseOf('terminating', true), 'connected');
    assert.equal(phaseOf('terminating', false), 'connecting');
    assert.equal(phaseOf('terminated', true), 'ended');
  });

  it('tells the kind of a call nobody noted from its direction and Graph resource', () => {
    assert.equal(kindOf(view({ id: 'c', direction: 'incoming', state: 'incoming' })), 'incoming');
    assert.equal(kindOf(view({ id: 'c', resource: { meetingInfo: { joinMeetingId: '1' } } })), 'meeting');
    const user = (id: string) => ({ identity: { user: { id } } });
    assert.equal(kindOf(view({ id: 'c', resource: { targets: [user('a'), user('b')] } })), 'group');
    assert.equal(
      kindOf(view({ id: 'c', resource: { targets: [{ identity: { phone: { id: '+1' } } }] } })),
      'pstn',
    );
    assert.equal(kindOf(view({ id: 'c', resource: { targets: [user('a')] } })), 'p2p');
  });

  it('a new call lists whom it rings, not yet joined; the bot’s own leg is the bot', () => {
    const live = liveCallOf(
      view({ id: 'c1', participants: [self] }),
      { kind: 'p2p', invited: [adele] },
      opts,
    );
    assert.equal(live.phase, 'connecting');
    assert.deepEqual(live.participants, [
      { id: 'p-bot', name: 'Switchboard', kind: 'bot', muted: false, joined: true },
      { id: 'u-adele', name: 'Adele Vance', kind: 'person', muted: false, joined: false },
    ]);
  });

  it('once the roster names them, the roster entry is used (its id is what mute needs)', () => {
    const live = liveCallOf(
      view({ id: 'c1', state: 'established', participants: [self, person('u-adele', undefined, true)] }),
      { kind: 'p2p', invited: [adele], connectedAt: 2000 },
      opts,
    );
    assert.deepEqual(
      live.participants.filter((p) => p.kind !== 'bot'),
      [{ id: 'p-u-adele', name: 'Adele Vance', kind: 'person', muted: true, joined: true }],
    );
    assert.equal(live.connectedAt, 2000);
  });

  it('a connected 1:1 call counts the callee as joined even while the roster lags; a group call does not', () => {
    const p2p = liveCallOf(view({ id: 'c', state: 'established' }), { kind: 'p2p', invited: [adele] }, opts);
    assert.equal(p2p.participants[0]?.joined, true);
    const group = liveCallOf(
      view({ id: 'c', state: 'established' }),
      { kind: 'group', invited: [adele] },
      opts,
    );
    assert.equal(group.participants[0]?.joined, false);
  });

  it('someone who was in the roster and is gone has left; a group invitee not picked up in time is dropped', () => {
    const megan = { id: 'u-megan', name: 'Megan Bowen', kind: 'person' as const, at: 1000 };
    const note = { kind: 'group' as const, invited: [{ ...adele, seen: true }, megan] };
    const call = view({ id: 'c', state: 'established', participants: [self] });
    assert.deepEqual(
      liveCallOf(call, note, { ...opts, now: 30_000 }).participants.map((p) => `${p.name}:${p.joined}`),
      ['Switchboard:true', 'Megan Bowen:false'],
    );
    assert.deepEqual(
      liveCallOf(call, note, { ...opts, now: 62_000 }).participants.map((p) => p.name),
      ['Switchboard'],
    );
    // In a 1:1 call the person called stays on the card however long it rings.
    const ringing = view({ id: 'c', state: 'establishing' });
    assert.deepEqual(
      liveCallOf(ringing, { kind: 'p2p', invited: [adele] }, { ...opts, now: 600_000 }).participants.map(
        (p) => p.name,
      ),
      ['Adele Vance'],
    );
  });

  it('an ended call: when, why (who hung up, when the bot did), and nobody left ringing', () => {
    const ended = view({
      id: 'c1',
      state: 'terminated',
      endedAt: 9000,
      end: { reason: 'the other party hung up' },
    });
    const byThem = liveCallOf(ended, { kind: 'p2p', invited: [adele], connectedAt: 2000 }, opts);
    assert.equal(byThem.phase, 'ended');
    assert.equal(byThem.endedAt, 9000);
    assert.equal(byThem.endReason, 'the other party hung up');
    assert.deepEqual(byThem.participants, []);
    const byUs = liveCallOf(ended, { kind: 'p2p', hungUpBy: 'Adele Vance' }, opts);
    assert.equal(byUs.endReason, 'hung up by Adele Vance');
  });

  it('an incoming call names its caller while it rings', () => {
    const live = liveCallOf(
      view({
        id: 'c9',
        direction: 'incoming',
        state: 'incoming',
        source: { kind: 'phone', id: '+14255550123' },
      }),
      {},
      { ...opts, sequence: 7 },
    );
    assert.equal(live.kind, 'incoming');
    assert.equal(live.phase, 'ringing');
    assert.equal(live.sequence, 7);
    assert.deepEqual(live.participants, [
      { id: '+14255550123', name: '+14255550123', kind: 'phone', muted: false, joined: false },
    ]);
  });
});

import assert from 'node:assert/strict';
import { peopleOfCall } from '../../../teams-tab/web/src/call-people';
import type { Call, Participant } from '../../../teams-tab/web/src/types';

const participant = (over: Partial<Participant> & Pick<Participant, 'id' | 'key'>): Participant => ({
  kind: 'user',
  isMuted: false,
  isInLobby: false,
  isBot: false,
  ...over,
});

function call(participants: Participant[], people: Call['people']): Call {
  return {
    id: 'c1',
    state: 'established',
    direction: 'incoming',
    kind: 'p2p',
    phase: 'connected',
    purpose: 'incoming',
    participants,
    people,
    createdAt: '2026-12-06T10:00:00.000Z',
    version: 3,
  };
}

describe('teams-tab/web call card people', () => {
  it('a muted phone caller shows as muted, matched by the person key the card also uses', () => {
    const c = call(
      [
        participant({ id: 'self', key: 'self', kind: 'application', isBot: true }),
        participant({ id: 'p-77', key: '+14255550123', kind: 'phone', isMuted: true }),
      ],
      [
        { key: 'self', name: 'Switchboard', status: 'joined', isBot: true },
        { key: '+14255550123', name: '+14255550123', status: 'joined', isBot: false },
      ],
    );
    const rows = peopleOfCall(c);
    assert.deepEqual(
      rows.map((r) => [r.name, r.live?.id, r.live?.isMuted]),
      [['+14255550123', 'p-77', true]],
    );
  });

  it('a colleague is matched to their entry; someone who left has none', () => {
    const c = call(
      [participant({ id: 'p-1', key: 'u1', userId: 'U1', mutePending: true })],
      [
        { key: 'u1', name: 'Megan Bowen', userId: 'U1', status: 'joined', isBot: false },
        { key: 'u2', name: 'Lee Gu', userId: 'U2', status: 'left', isBot: false },
      ],
    );
    assert.deepEqual(
      peopleOfCall(c).map((r) => [r.name, r.live?.id, r.live?.mutePending]),
      [
        ['Megan Bowen', 'p-1', true],
        ['Lee Gu', undefined, undefined],
      ],
    );
  });
});

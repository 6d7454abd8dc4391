import assert from 'node:assert/strict';
import { CALL_ID, eachCallingService } from '../../../helpers/calling-service';
import { batch, callNote, eventually, rosterNote } from './fakes';

// Participant ids go back to Graph as its roster spelled them, whichever spelling the caller used.
const CALL = CALL_ID;
const COMPACT = '0A1B2C3D4E5F4A6B8C7D9E0F1A2B3C4D';
const HYPHENATED = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('participant ids go back to Graph as its roster spelled them', function () {
  this.timeout(10_000);
  const fx = eachCallingService(() => ({ timing: { operationTimeoutMs: 2000 } }));

  beforeEach(async () => {
    await fx.service.inbox.accept(batch(callNote(CALL, 'established')));
    await fx.service.inbox.accept(
      batch(rosterNote(CALL, 'created', [{ id: COMPACT, info: { identity: { user: { id: 'u1' } } } }])),
    );
    await eventually(async () => (await fx.service.getCall(CALL))?.participants.length === 1);
  });

  it('mute and remove name the participant as notified when given another spelling', async () => {
    void fx.service.participants.mute(CALL, HYPHENATED).catch(() => {});
    await eventually(() => fx.graph.requests.some((r) => r.method === 'muteParticipant'));
    await fx.service.participants.remove(CALL, HYPHENATED.toUpperCase());
    const sent = fx.graph.requests
      .filter((r) => r.method === 'muteParticipant' || r.method === 'deleteParticipant')
      .map((r) => r.participantId);
    assert.deepEqual(sent, [COMPACT, COMPACT]);
    assert.equal((await fx.service.getCall(CALL))?.participants[0]?.id, COMPACT);
  });
});

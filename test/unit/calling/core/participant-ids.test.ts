import assert from 'node:assert/strict';
import { createCallingService, type CallingService } from '../../../../calling/core';
import {
  batch,
  callNote,
  eachTempStore,
  eventually,
  fakeGraph,
  rosterNote,
  testLogger,
  TENANT,
} from './fakes';
import type { FakeGraph } from './fakes';

// Participant ids go back to Graph as its roster spelled them, whichever spelling the caller used.
const CALL = 'c0ffee00-1111-4222-8333-444455556666';
const COMPACT = '0A1B2C3D4E5F4A6B8C7D9E0F1A2B3C4D';
const HYPHENATED = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('participant ids go back to Graph as its roster spelled them', function () {
  this.timeout(10_000);
  const temp = eachTempStore();
  let graph: FakeGraph;
  let service: CallingService;

  beforeEach(async () => {
    graph = fakeGraph();
    service = createCallingService({
      store: temp.store,
      graph,
      logger: testLogger(),
      appId: '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
      timing: { operationTimeoutMs: 2000 },
    });
    await service.start();
    await service.inbox.accept(batch(callNote(CALL, 'established')));
    await service.inbox.accept(
      batch(rosterNote(CALL, 'created', [{ id: COMPACT, info: { identity: { user: { id: 'u1' } } } }])),
    );
    await eventually(async () => (await service.getCall(CALL))?.participants.length === 1);
  });
  afterEach(async () => service.stop());

  it('mute and remove name the participant as notified when given another spelling', async () => {
    void service.participants.mute(CALL, HYPHENATED).catch(() => {});
    await eventually(() => graph.requests.some((r) => r.method === 'muteParticipant'));
    await service.participants.remove(CALL, HYPHENATED.toUpperCase());
    const sent = graph.requests
      .filter((r) => r.method === 'muteParticipant' || r.method === 'deleteParticipant')
      .map((r) => r.participantId);
    assert.deepEqual(sent, [COMPACT, COMPACT]);
    assert.equal((await service.getCall(CALL))?.participants[0]?.id, COMPACT);
  });
});

import assert from 'node:assert/strict';
import { createMemoryStorage, type CallingStorage } from '../../../../calling';
import { createCallingService } from '../../../../calling/core';
import type { Call, CallingService } from '../../../../calling/core';
import { serviceOptions } from '../../../helpers/calling-service';
import { batch, callNote, eventually, fakeGraph, testLogger } from '../core/fakes';

const MEGAN = 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902';

// The contract (test/unit/store/contract) holds the memory storage to the interface; this runs the
// calling service on it, as a library user's tests or a one-process bot would.
describe('the calling service on the memory storage', function () {
  this.timeout(10_000);
  let storage: CallingStorage;
  let service: CallingService;
  let seen: Call[];
  const logger = testLogger();

  beforeEach(async () => {
    storage = createMemoryStorage();
    service = createCallingService(serviceOptions(storage, fakeGraph(), { logger, appName: 'Switchboard' }));
    seen = [];
    service.on('callChanged', ({ call }) => void seen.push(call));
    await service.start();
  });

  afterEach(async () => {
    await service.stop();
  });

  it('places a call, follows it to its end and keeps its model and timeline', async () => {
    const placed = await service.placeCall({
      to: { user: MEGAN, displayName: 'Megan Bowen' },
      origin: { surface: 'chat', requestedBy: { name: 'Adele Vance' } },
    });
    await service.inbox.accept(batch(callNote(placed.id, 'established')));
    await service.waitForState(placed.id, 'established', 3000);
    await service.hangUp(placed.id, { by: 'Adele Vance' });
    await service.inbox.accept(
      batch(callNote(placed.id, 'terminated', { resultInfo: { code: 200, subcode: 5001 } })),
    );
    await eventually(() => seen.some((c) => c.phase === 'ended'));
    const stored = await service.callModel(placed.id);
    assert.equal(stored?.phase, 'ended');
    assert.equal(stored?.end?.words, 'hung up by Adele Vance');
    assert.equal(stored?.version, seen.at(-1)?.version);
    const timeline = await storage.callData.timeline.list(placed.id);
    assert.ok(
      timeline.some((e) => e.kind === 'state'),
      'the state changes are on the timeline',
    );
    assert.deepEqual(logger.errors, []);
  });
});

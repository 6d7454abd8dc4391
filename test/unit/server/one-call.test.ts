import assert from 'node:assert/strict';
import { createCallingService, type CallingService } from '../../../calling';
import { liveCallOf } from '../../../server/bot-ports/live-call';
import type { Store } from '../../../store';
import { toTabCall } from '../../../teams-tab/api/calls/call-view';
import { batch, callNote, eventually, fakeGraph, tempStore, testLogger, TENANT } from '../calling/core/fakes';

const MEGAN = 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902';

// The chat's card and the tab render the same stored call: the same phase, people and end words.
describe('one call, one truth: the chat and the tab say the same', function () {
  this.timeout(10_000);
  let store: Store;
  let close: () => Promise<void>;
  let calling: CallingService;
  let n = 0;

  beforeEach(async () => {
    ({ store, close } = await tempStore());
    const graph = fakeGraph();
    graph.createdId = `11111111-2222-4333-8444-${String(++n).padStart(12, '0')}`;
    calling = createCallingService({
      store,
      graph,
      logger: testLogger(),
      appId: '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
    });
    await calling.start();
  });

  afterEach(async () => {
    await calling.stop();
    await close();
  });

  const cases: Array<[string, { code: number; subcode: number }, string, string]> = [
    ['a decline', { code: 480, subcode: 10134 }, 'declined', 'declined'],
    ['a busy callee', { code: 480, subcode: 10076 }, 'busy', 'busy'],
    ['SIP busy', { code: 486, subcode: 0 }, 'busy', 'busy'],
    ['no answer', { code: 408, subcode: 10057 }, 'no answer', 'noAnswer'],
  ];
  for (const [what, resultInfo, words, status] of cases) {
    it(`${what}: "${words}" on the card and in the tab, and Megan is ${status} on both`, async () => {
      const placed = await calling.placeCall({
        to: { user: MEGAN, displayName: 'Megan Bowen' },
        origin: { surface: 'chat', requestedBy: { id: 'adele', name: 'Adele Vance' } },
      });
      await calling.inbox.accept(batch(callNote(placed.id, 'terminated', { resultInfo })));
      await eventually(async () => (await calling.callModel(placed.id))?.phase === 'ended');
      const call = (await calling.callModel(placed.id))!;
      const card = liveCallOf(call);
      const tab = toTabCall(call);
      assert.equal(card.endReason, words);
      assert.equal(tab.endReason, words);
      assert.equal(card.phase, tab.phase);
      assert.equal(card.participants.find((p) => p.name === 'Megan Bowen')?.status, status);
      assert.equal(tab.people.find((p) => p.name === 'Megan Bowen')?.status, status);
      assert.ok(!tab.people.some((p) => p.status === 'ringing'), 'nobody rings on after the end');
    });
  }
});

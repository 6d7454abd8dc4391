import assert from 'node:assert/strict';
import { CallingError } from '../../../../calling';
import { CallOperationError, createCallingService } from '../../../../calling/core';
import type { CallingService } from '../../../../calling/core';
import {
  batch,
  callNote,
  eachTempStore,
  eventually,
  fakeGraph,
  testLogger,
  TENANT,
  type FakeGraph,
} from './fakes';

const CALLER = { user: { id: 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902', displayName: 'Lee Gu' } };
const gone = (id: string) =>
  new CallingError('graph_call_gone', `Call ${id} no longer exists`, { status: 404 });

// Graph's 404 on any request about a call says the call is gone: the call ends here too, and whoever
// drives it hears `terminated`, whichever action found out.
describe('a 404 from Graph on any request ends the call locally', function () {
  this.timeout(10_000);
  const temp = eachTempStore();
  let graph: FakeGraph;
  let service: CallingService;
  let terminated: string[];

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
    });
    terminated = [];
    service.on('terminated', (e) => void terminated.push(`${e.call.id} ${e.reason}`));
    await service.start();
  });

  afterEach(async () => service.stop());

  async function call(state: 'incoming' | 'established'): Promise<string> {
    const id = 'c0ffee00-1111-4222-8333-444455556666';
    await service.inbox.accept(
      batch(callNote(id, 'incoming', { direction: 'incoming', source: { identity: CALLER } }, 'created')),
    );
    if (state === 'established') await service.inbox.accept(batch(callNote(id, 'established')));
    await service.waitForState(id, state, 3000);
    return id;
  }

  const cases: Array<{
    what: string;
    state: 'incoming' | 'established';
    run: (id: string) => Promise<unknown>;
  }> = [
    {
      what: 'playPrompt',
      state: 'established',
      run: (id) => {
        graph.playPrompt = async () => Promise.reject(gone(id));
        return service.playPrompt(id, 'welcome');
      },
    },
    {
      what: 'subscribeToTone',
      state: 'established',
      run: (id) => {
        graph.subscribeToTone = async () => Promise.reject(gone(id));
        return service.subscribeToTone(id);
      },
    },
    {
      what: 'transfer',
      state: 'established',
      run: (id) => {
        graph.transfer = async () => Promise.reject(gone(id));
        return service.transfer(id, { user: '9b602b58-81c6-43ef-bb23-f7145adb1914' });
      },
    },
    {
      what: 'answer',
      state: 'incoming',
      run: (id) => {
        graph.answer = async () => Promise.reject(gone(id));
        return service.answer(id);
      },
    },
    {
      what: 'redirect',
      state: 'incoming',
      run: (id) => {
        graph.redirect = async () => Promise.reject(gone(id));
        return service.redirect(id, [{ user: '9b602b58-81c6-43ef-bb23-f7145adb1914' }]);
      },
    },
    {
      what: 'participants.list',
      state: 'established',
      run: (id) => {
        graph.listParticipants = async () => Promise.reject(gone(id));
        return service.participants.list(id);
      },
    },
  ];

  for (const c of cases) {
    it(`${c.what}: the call ends (reason gone) and its flow hears terminated`, async () => {
      const id = await call(c.state);
      await assert.rejects(c.run(id), (err: unknown) => {
        assert.ok(
          (err instanceof CallOperationError && err.code === 'call_ended') ||
            (err instanceof CallingError && err.code === 'graph_call_gone'),
          String(err),
        );
        return true;
      });
      const ended = await service.waitForState(id, 'terminated', 3000);
      assert.equal(ended.end?.reason, 'gone');
      await eventually(() => terminated.length > 0);
      assert.deepEqual(terminated, [`${id} gone`]);
    });
  }

  it('a 404 for one participant says nothing about the call', async () => {
    const id = await call('established');
    graph.deleteParticipant = async () =>
      Promise.reject(
        new CallingError('graph_not_found', 'Participant p1 is not in the call', { status: 404 }),
      );
    await assert.rejects(service.participants.remove(id, 'p1'));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await service.getCall(id))?.state, 'established');
  });
});

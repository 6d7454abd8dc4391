import assert from 'node:assert/strict';
import { createCallingService, type CallingService } from '../../../../calling/core';
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

type Prompts = { prompts: Array<{ mediaInfo: { uri: string; resourceId?: string } }> };

describe('prompts carry the resourceId Graph caches their media under', function () {
  this.timeout(10_000);
  const temp = eachTempStore();
  let graph: FakeGraph;
  let service: CallingService;
  const asked: string[] = [];

  beforeEach(async () => {
    graph = fakeGraph();
    asked.length = 0;
    service = createCallingService({
      store: temp.store,
      graph,
      logger: testLogger(),
      appId: '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
      promptResourceId: async (uri) => {
        asked.push(uri);
        return uri.startsWith('https://app.example/') ? `id:${uri.split('/').at(-1)}` : undefined;
      },
      timing: { operationTimeoutMs: 2000 },
    });
    await service.start();
    await service.inbox.accept(batch(callNote('c0ffee00-1111-4222-8333-444455556666', 'established')));
    await service.waitForState('c0ffee00-1111-4222-8333-444455556666', 'established', 3000);
  });
  afterEach(async () => service.stop());

  it('playPrompt and the prompt before a recording name their media by resourceId where the app knows it', async () => {
    const id = 'c0ffee00-1111-4222-8333-444455556666';
    void service.playPrompt(id, ['welcome', 'https://cdn.example/x.wav']).catch(() => {});
    void service.record(id, { prompt: 'record-after-beep' }).catch(() => {});
    await eventually(() => graph.requests.filter((r) => r.body !== undefined).length >= 2);
    const play = graph.requests.find((r) => r.method === 'playPrompt')?.body as Prompts;
    assert.deepEqual(
      play.prompts.map((p) => p.mediaInfo),
      [
        {
          '@odata.type': '#microsoft.graph.mediaInfo',
          uri: 'https://app.example/prompts/welcome.wav',
          resourceId: 'id:welcome.wav',
        },
        { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://cdn.example/x.wav' },
      ],
    );
    const rec = graph.requests.find((r) => r.method === 'recordResponse')?.body as Prompts;
    assert.equal(rec.prompts[0]?.mediaInfo.resourceId, 'id:record-after-beep.wav');
    assert.deepEqual(asked.sort(), [
      'https://app.example/prompts/record-after-beep.wav',
      'https://app.example/prompts/welcome.wav',
      'https://cdn.example/x.wav',
    ]);
  });
});

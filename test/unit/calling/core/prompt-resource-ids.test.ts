import assert from 'node:assert/strict';
import { CALL_ID, eachCallingService } from '../../../helpers/calling-service';
import { batch, callNote, eventually } from './fakes';

type Prompts = { prompts: Array<{ mediaInfo: { uri: string; resourceId?: string } }> };

describe('prompts carry the resourceId Graph caches their media under', function () {
  this.timeout(10_000);
  const asked: string[] = [];
  const fx = eachCallingService(() => {
    asked.length = 0;
    return {
      promptResourceId: async (uri) => {
        asked.push(uri);
        return uri.startsWith('https://app.example/') ? `id:${uri.split('/').at(-1)}` : undefined;
      },
      timing: { operationTimeoutMs: 2000 },
    };
  });

  beforeEach(async () => {
    await fx.service.inbox.accept(batch(callNote(CALL_ID, 'established')));
    await fx.service.waitForState(CALL_ID, 'established', 3000);
  });

  it('playPrompt and the prompt before a recording name their media by resourceId where the app knows it', async () => {
    const id = CALL_ID;
    void fx.service.playPrompt(id, ['welcome', 'https://cdn.example/x.wav']).catch(() => {});
    void fx.service.record(id, { prompt: 'record-after-beep' }).catch(() => {});
    await eventually(() => fx.graph.requests.filter((r) => r.body !== undefined).length >= 2);
    const play = fx.graph.requests.find((r) => r.method === 'playPrompt')?.body as Prompts;
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
    const rec = fx.graph.requests.find((r) => r.method === 'recordResponse')?.body as Prompts;
    assert.equal(rec.prompts[0]?.mediaInfo.resourceId, 'id:record-after-beep.wav');
    assert.deepEqual(asked.sort(), [
      'https://app.example/prompts/record-after-beep.wav',
      'https://app.example/prompts/welcome.wav',
      'https://cdn.example/x.wav',
    ]);
  });
});

// An operation under way keeps no logger of its own: a call in a menu always has a prompt or a
// recognition under way, so a child logger held until the operation's timeout is one per live call.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCallingService, type CallingService, type CoreLogger } from '../../../../calling/core';
import type { Store } from '../../../../store';
import { serviceOptions } from '../../../helpers/calling-service';
import { batch, callNote, fakeGraph, tempStore } from './fakes';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const turn = () => new Promise((r) => setImmediate(r));

/** A silent logger that remembers, weakly, every child made of it. */
function watchedLogger(children: WeakRef<object>[]): CoreLogger {
  const make = (): CoreLogger => ({
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    child: () => {
      const c = make();
      children.push(new WeakRef(c));
      return c;
    },
  });
  return make();
}

describe('operation memory', function () {
  this.timeout(10_000);
  let store: Store;
  let close: () => Promise<void>;
  let service: CallingService;

  afterEach(async () => {
    await service.stop();
    await close();
  });

  it('holds no child logger while a prompt plays', async () => {
    ({ store, close } = await tempStore());
    const children: WeakRef<object>[] = [];
    const graph = fakeGraph();
    service = createCallingService(
      serviceOptions(store, graph, {
        logger: watchedLogger(children),
        timing: { operationTimeoutMs: 60_000 },
      }),
    );
    await service.start();
    const call = await service.placeCall({ to: { user: 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902' } });
    await service.inbox.accept(batch(callNote(call.id, 'established')));
    await service.waitForState(call.id, 'established', 3000);
    for (let i = 0; i < 5; i++) await turn();
    gc();
    const before = children.filter((c) => c.deref() !== undefined).length;
    const playing = service.playPrompt(call.id, 'welcome');
    playing.catch(() => undefined);
    for (let i = 0; i < 20; i++) await turn();
    assert.ok(
      graph.requests.some((r) => /prompt/i.test(r.method)),
      'the prompt was asked for',
    );
    gc();
    await turn();
    gc();
    assert.equal(children.filter((c) => c.deref() !== undefined).length, before);
  });
});

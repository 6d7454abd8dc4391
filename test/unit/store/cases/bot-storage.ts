import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import type { Storage } from 'botbuilder';
import { createBotStorage } from '../../../../server/bot-storage';
import { StoreConflictError } from '../../../../store';
import type { ContractContext } from './context';

type Outcome = 'ok' | 'conflict';

async function outcome(write: Promise<void>): Promise<Outcome> {
  try {
    await write;
    return 'ok';
  } catch (error) {
    assert.match(String(error), /eTag conflict|expected/);
    return 'conflict';
  }
}

// The same story played against botbuilder's reference MemoryStorage and against the adapter.
async function eTagStory(storage: Storage): Promise<Outcome[]> {
  await storage.write({ item: { n: 1 } });
  const first = (await storage.read(['item'])).item as { eTag: string };
  const results: Outcome[] = [];
  results.push(await outcome(storage.write({ item: { n: 2, eTag: first.eTag } })));
  results.push(await outcome(storage.write({ item: { n: 3, eTag: first.eTag } })));
  results.push(await outcome(storage.write({ item: { n: 4, eTag: '*' } })));
  results.push(await outcome(storage.write({ item: { n: 5 } })));
  results.push(await outcome(storage.write({ fresh: { n: 6, eTag: 'from-elsewhere' } })));
  return results;
}

/** botbuilder Storage adapter cases shared by every database. */
export function botStorageCases(ctx: ContractContext): void {
  it('reads only existing items, each with an eTag, and keeps the eTag out of the stored value', async () => {
    const storage = createBotStorage(ctx.store);
    assert.deepEqual(await storage.read(['nobody']), {});
    await storage.write({ 'conv/1': { topic: 'standup', count: 1 }, 'user/2': { name: 'Adele' } });
    const items = await storage.read(['conv/1', 'user/2', 'nobody']);
    assert.deepEqual(Object.keys(items).sort(), ['conv/1', 'user/2']);
    const conv = items['conv/1'] as { topic?: unknown; eTag?: unknown };
    assert.equal(conv.topic, 'standup');
    assert.equal(typeof conv.eTag, 'string');
    const raw = await ctx.store.kv.get<Record<string, unknown>>('botstate', 'conv/1');
    assert.deepEqual(raw?.value, { topic: 'standup', count: 1 });
  });

  it('accepts the current eTag, rejects a stale one, and overwrites for * or no eTag', async () => {
    const storage = createBotStorage(ctx.store);
    await storage.write({ s: { v: 1 } });
    const read1 = (await storage.read(['s'])).s as { eTag: string };
    await storage.write({ s: { v: 2, eTag: read1.eTag } });
    const read2 = (await storage.read(['s'])).s as { v: number; eTag: string };
    assert.equal(read2.v, 2);
    assert.notEqual(read2.eTag, read1.eTag);
    await assert.rejects(
      storage.write({ s: { v: 3, eTag: read1.eTag } }),
      (error: unknown) => error instanceof StoreConflictError && /eTag conflict/.test(error.message),
    );
    await storage.write({ s: { v: 4, eTag: '*' } });
    await storage.write({ s: { v: 5 } });
    assert.equal(((await storage.read(['s'])).s as { v: number }).v, 5);
  });

  it('matches botbuilder MemoryStorage outcomes for the same eTag story', async () => {
    const reference = await eTagStory(new MemoryStorage());
    const ours = await eTagStory(createBotStorage(ctx.store, 'story'));
    assert.deepEqual(ours, reference);
    assert.deepEqual(ours, ['ok', 'conflict', 'ok', 'ok', 'ok']);
  });

  it('deletes items, ignoring missing ones', async () => {
    const storage = createBotStorage(ctx.store);
    await storage.write({ a: { x: 1 }, b: { x: 2 } });
    await storage.delete(['a', 'missing']);
    assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
  });

  it('keeps namespaces apart', async () => {
    const one = createBotStorage(ctx.store, 'bot-one');
    const two = createBotStorage(ctx.store, 'bot-two');
    await one.write({ k: { who: 'one' } });
    assert.deepEqual(await two.read(['k']), {});
    assert.equal(((await one.read(['k'])).k as { who?: unknown }).who, 'one');
  });
}

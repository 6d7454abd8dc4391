// Graph keeps a prompt's media under its resourceId and plays that copy again without fetching the uri.
import assert from 'node:assert/strict';
import { PromptMediaCache } from '../../../../emulator/graph/prompt-cache';
import { loadPrompts, type MediaPort } from '../../../../emulator/graph/prompt-media';

/** A media port whose fetches are counted; `failing` URIs answer "not ok". */
function media(cache: PromptMediaCache | undefined, failing = new Set<string>()) {
  const fetched: string[] = [];
  const port: MediaPort = {
    fetchPrompt: async (uri) => {
      fetched.push(uri);
      if (failing.has(uri)) return { ok: false, reason: `cannot fetch ${uri}: 503` };
      return { ok: true, info: { durationMs: 1000 + fetched.length }, wav: Buffer.alloc(100) };
    },
    synthesizeSpeechWav: () => Buffer.alloc(0),
    ...(cache ? { cache } : {}),
  };
  return { port, fetched };
}

const A = 'https://app.example/prompts/menu.wav';
const B = 'https://app.example/prompts/goodbye.wav';

describe('emulator prompt media cache (mediaInfo.resourceId)', () => {
  it('plays the kept copy of a resourceId the app already sent, without fetching its uri again', async () => {
    const m = media(new PromptMediaCache());
    const keys = { appId: 'app-1', resourceIds: ['res-menu'] };
    const first = await loadPrompts(m.port, [A], keys);
    const second = await loadPrompts(m.port, [A], keys);
    assert.deepEqual(m.fetched, [A]);
    assert.ok(first.ok && second.ok);
    assert.equal(second.totalMs, first.totalMs);
    assert.equal(second.prompts[0]?.wav?.length, 100);
  });

  it('fetches every time a prompt carries no resourceId, and per app for the same resourceId', async () => {
    const m = media(new PromptMediaCache());
    await loadPrompts(m.port, [A, B], { appId: 'app-1', resourceIds: [null, 'res-bye'] });
    await loadPrompts(m.port, [A, B], { appId: 'app-1', resourceIds: [null, 'res-bye'] });
    await loadPrompts(m.port, [B], { appId: 'app-2', resourceIds: ['res-bye'] });
    assert.deepEqual(m.fetched, [A, B, A, B]);
  });

  it('keeps nothing of a failed fetch: the next play fetches again', async () => {
    const failing = new Set([A]);
    const m = media(new PromptMediaCache(), failing);
    const keys = { appId: 'app-1', resourceIds: ['res-menu'] };
    assert.equal((await loadPrompts(m.port, [A], keys)).ok, false);
    failing.clear();
    assert.equal((await loadPrompts(m.port, [A], keys)).ok, true);
    assert.deepEqual(m.fetched, [A, A]);
  });

  it('without a cache (or keys) every prompt is fetched', async () => {
    const m = media(undefined);
    await loadPrompts(m.port, [A], { appId: 'app-1', resourceIds: ['res-menu'] });
    await loadPrompts(m.port, [A]);
    assert.deepEqual(m.fetched, [A, A]);
  });

  it('is bounded: the least recently played goes first', () => {
    const cache = new PromptMediaCache({ count: 2, bytes: 1_000_000 });
    const kept = (n: number) => ({ text: `p${n}`, durationMs: n, wav: Buffer.alloc(10) });
    cache.set('app', 'r1', kept(1));
    cache.set('app', 'r2', kept(2));
    assert.ok(cache.get('app', 'R1'), 'resourceIds compare without case');
    cache.set('app', 'r3', kept(3));
    assert.equal(cache.get('app', 'r2'), undefined);
    assert.ok(cache.get('app', 'r1'));
    assert.ok(cache.get('app', 'r3'));
    const small = new PromptMediaCache({ count: 10, bytes: 25 });
    for (const n of [1, 2, 3]) small.set('app', `r${n}`, kept(n));
    assert.equal(small.size(), 2);
    small.clear();
    assert.equal(small.size(), 0);
  });
});

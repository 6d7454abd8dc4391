import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promptResourceId, type CallingEvents } from '../../../calling';
import { ROOT } from '../../helpers/process';
import { useStack } from '../../helpers/stack';
import { collect, person, script, until } from './harness';

const COMPACT_UPPER = /^[0-9A-F]{32}$/;
const V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Entry {
  kind: string;
  method?: string;
  path?: string;
  resourceUrl?: string;
  event?: string;
  names?: string[];
  resourceIds?: Array<string | null>;
}

// The emulator issues call and operation ids the way some of Graph's own examples spell them (32
// upper-case hex digits, no hyphens). Graph matches ids whatever their case, so the emulator accepts any
// spelling too: what is checked here is that the app sends back exactly the spelling it was given.
describe('calling e2e: ids go back to Graph exactly as Graph spelled them', function () {
  this.timeout(90_000);
  const h = useStack({
    emulator: { EMULATOR_PROMPT_SPEED: '4', EMULATOR_ID_STYLE: 'compact-upper' },
    deps: { ownIncomingCalls: true },
  });

  async function timeline(callId: string): Promise<Entry[]> {
    const res = await h.emu.control<{ value: Entry[] }>('GET', `/emulator/calls/${callId}/timeline`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.value;
  }

  /**
   * The call's id as the emulator notified it (read from its own timeline, not from the app), after
   * checking that every request the app sent about the call named it with exactly that spelling.
   */
  async function assertSpelledAsNotified(
    anySpelling: string,
  ): Promise<{ notifiedId: string; entries: Entry[] }> {
    const entries = await timeline(anySpelling);
    const notified = new Set(
      entries
        .filter((e) => e.kind === 'notification' && e.resourceUrl)
        .map((e) => /\/calls\/([^/]+)/.exec(e.resourceUrl!)?.[1]),
    );
    assert.equal(notified.size, 1, `the notifications name the call one way: ${[...notified].join(', ')}`);
    const notifiedId = [...notified][0]!;
    assert.match(notifiedId, COMPACT_UPPER);
    const requests = entries.filter((e) => e.kind === 'request' && e.path !== '/v1.0/communications/calls');
    assert.ok(requests.length >= 3, `requests about the call: ${JSON.stringify(requests)}`);
    for (const r of requests) {
      const named = /^\/v1\.0\/communications\/calls\/([^/]+)/.exec(r.path ?? '')?.[1];
      assert.equal(named, notifiedId, `${r.method} ${r.path}`);
    }
    return { notifiedId, entries };
  }

  const contentId = async (name: string) =>
    promptResourceId(await readFile(path.join(ROOT, 'assets', 'prompts', `${name}.wav`)));

  it('a placed call: prompts with stable resourceIds, then a hang-up, all by the notified id', async () => {
    const adele = person(h, 'Adele Vance');
    await script(h, adele.id, { onRing: 'answer', answerAfterMs: 200 });
    const call = await h.calling.placeCall({ to: { user: adele.id } });
    await h.calling.waitForState(call.id, 'established', 15_000);
    const first = await h.calling.playPrompt(call.id, ['welcome', 'menu', 'welcome']);
    const second = await h.calling.playPrompt(call.id, 'welcome');
    await h.calling.hangUp(call.id);
    await h.calling.waitForState(call.id, 'terminated', 10_000);

    const { notifiedId, entries } = await assertSpelledAsNotified(call.id);
    assert.equal(call.id, notifiedId, 'the app shows the id as Graph gave it');
    for (const op of [first, second]) {
      assert.equal(op.status, 'completed');
      assert.equal(op.callId, notifiedId);
      assert.match(op.graphId ?? '', COMPACT_UPPER, 'the operation id as Graph answered it');
    }
    const opIds = entries
      .filter((e) => e.kind === 'notification' && /\/operations\//.test(e.resourceUrl ?? ''))
      .map((e) => /\/operations\/([^/]+)$/.exec(e.resourceUrl!)?.[1]);
    assert.deepEqual(opIds, [first.graphId, second.graphId]);

    // Graph caches prompt media by resourceId: one id per content, the same on every play.
    const played = entries.filter((e) => e.event === 'prompt-start');
    assert.equal(played.length, 2);
    const [[welcome, menu, again], [later]] = played.map((e) => e.resourceIds ?? []) as [string[], string[]];
    for (const id of [welcome, menu, again, later]) assert.match(id ?? '', V5);
    assert.equal(again, welcome);
    assert.equal(later, welcome);
    assert.notEqual(menu, welcome);
    // Derived from the file's content alone: the same id on any other call, instance or restart.
    assert.equal(welcome, await contentId('welcome'));
    assert.equal(menu, await contentId('menu'));
  });

  it('an incoming call: answered, prompted, then transferred, all by the notified id', async () => {
    const [megan, lee] = ['Megan Bowen', 'Lee Gu'].map((n) => person(h, n));
    await script(h, lee!.id, { onRing: 'answer', answerAfterMs: 200 });
    const incoming = collect<CallingEvents['incoming']>((f) => h.calling.on('incoming', f));
    const res = await h.emu.control<{ callId: string }>('POST', `/emulator/people/${megan!.id}/call`, {
      to: 'app',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await until(() => incoming.items.length === 1, 'the incoming call');
    incoming.off();
    const callId = incoming.items[0]!.call.id;

    await h.calling.answer(callId);
    await h.calling.subscribeToTone(callId);
    assert.equal((await h.calling.playPrompt(callId, 'please-hold')).status, 'completed');
    const moved = await h.calling.transfer(callId, { user: lee!.id });
    assert.equal(moved.status, 'completed');
    const done = await h.calling.waitForState(callId, 'terminated', 15_000);
    assert.equal(done.end?.reason, 'the transfer completed');

    const { notifiedId, entries } = await assertSpelledAsNotified(res.body.callId);
    assert.equal(notifiedId, res.body.callId);
    assert.equal(callId, notifiedId, 'the app shows the id exactly as notified');
    const paths = entries.filter((e) => e.kind === 'request').map((e) => e.path?.split('/').at(-1));
    for (const action of ['answer', 'subscribeToTone', 'playPrompt', 'transfer'])
      assert.ok(paths.includes(action), `${action} in ${paths.join(', ')}`);
    const played = entries.find((e) => e.event === 'prompt-start');
    assert.deepEqual(played?.resourceIds, [await contentId('please-hold')], 'a prompt on another call');
  });
});

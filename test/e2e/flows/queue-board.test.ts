// What people see of a queue, against the emulator: the board from the store and Graph presence, the
// caller's softphone captions of the position announcement, and the board following presence changes.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { QueueBoard } from '../../../calling';
import { person, script, until } from '../calling/harness';
import { callApp, ended, startFlowsHarness, type FlowsHarness } from './flows-harness';

const ROOT = path.resolve(__dirname, '../../..');

/** The captions the softphone shows for a call: each prompt's text from the emulator's timeline. */
async function captions(h: FlowsHarness, callId: string): Promise<string[]> {
  const t = (await h.emu.control<unknown>('GET', `/emulator/calls/${callId}/timeline`)).body;
  const entries = (Array.isArray(t) ? t : ((t as { value?: unknown[] }).value ?? [])) as Array<
    Record<string, unknown>
  >;
  return entries.flatMap((e) =>
    e['event'] === 'prompt-playing' && Array.isArray(e['prompts'])
      ? (e['prompts'] as Array<{ text?: string }>).map((p) => p.text ?? '')
      : [],
  );
}

describe('queue e2e: the board and the caller’s captions', function () {
  this.timeout(150_000);
  let h: FlowsHarness;

  before(async () => {
    h = await startFlowsHarness('test/fixtures/flows/frontdesk-queue.yaml', {
      app: { QUEUES_CONFIG: path.join(ROOT, 'test/fixtures/flows/queues-short.yaml') },
    });
  });
  after(async () => h?.stop());

  it('a waiting caller hears their position as words the softphone captions, and is on the board until they hang up', async () => {
    const boards = h.app.queueBoards;
    assert.ok(boards, 'the app has queue boards');
    const seen: QueueBoard[] = [];
    const off = boards.watch.subscribe((b) => seen.push(b));
    try {
      const lee = person(h, 'Lee Gu');
      await script(h, lee.id, { onRing: 'answer' });
      const callId = await callApp(h, lee.id);
      await until(
        async () => (await captions(h, callId)).some((c) => /^You are next in line\./.test(c)),
        'the position announcement to play',
        30_000,
      );
      const said = await captions(h, callId);
      assert.ok(
        said.includes('You are next in line. Your expected wait is about 3 minutes.'),
        `captions: ${JSON.stringify(said)}`,
      );
      assert.ok(
        said.some((c) => /^Hold music/.test(c)),
        `the music is captioned as music: ${JSON.stringify(said)}`,
      );

      const board = await boards.boards.board('support');
      assert.deepEqual(
        board?.callers.map((c) => [c.position, c.caller]),
        [[1, 'Lee Gu']],
      );
      assert.deepEqual(
        board?.agents.map((a) => a.name),
        ['Alex Wilber', 'Adele Vance', 'Diego Siciliani'],
      );
      assert.ok(
        board?.agents.every((a) => a.availability !== 'PresenceUnknown'),
        `presence read from Graph: ${JSON.stringify(board?.agents)}`,
      );
      // Agents are rung while Lee waits: at most one at a time rings for him, the others are free.
      const states = board?.agents.map((a) => a.state) ?? [];
      assert.ok(
        states.every((st) => st === 'idle' || st === 'ringing') &&
          states.filter((st) => st === 'ringing').length <= 1,
        `agents' states: ${JSON.stringify(states)}`,
      );

      const diego = board!.agents[2]!;
      const res = await h.emu.control('PUT', `/emulator/people/${diego.id}/presence`, {
        availability: 'DoNotDisturb',
        activity: 'DoNotDisturb',
      });
      assert.ok(res.status < 300, `presence: ${res.status}`);
      await until(
        async () => {
          await boards.watch.check();
          return seen.some((b) =>
            b.agents.some((a) => a.id === diego.id && a.availability === 'DoNotDisturb'),
          );
        },
        'the board to show Diego Do not disturb',
        20_000,
      );

      await h.emu.control('POST', `/emulator/calls/${callId}/hangup`, {});
      await ended(h, callId, 30_000);
      await until(
        async () => (await boards.boards.board('support'))?.callers.length === 0,
        'the caller to leave the board',
        20_000,
      );
    } finally {
      off();
    }
  });
});

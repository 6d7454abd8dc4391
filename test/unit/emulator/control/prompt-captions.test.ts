// What the emulator says a prompt is, in the call's timeline and the person's event stream: the words
// its WAV carries (RIFF INFO), else its file name, never a hash; and its audio, served from memory to
// the softphone page while the call lasts.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import type { CallRec } from '../../../../emulator/graph/model';
import { newOperation } from '../../../../emulator/graph/operations';
import { PromptAudioStore } from '../../../../emulator/graph/prompt-audio';
import { controlFixture } from '../../../helpers/control-fixture';

const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
const HASH = '5d41402abc4b2a76b9719d911017c592'.repeat(2);
const WELCOME = 'https://app.example/prompts/welcome.wav';
const SPOKEN = `https://app.example/prompts/tts/${HASH}.wav`;
const welcomeBytes = Buffer.from('RIFF-welcome-bytes');

type Entry = Record<string, unknown>;

describe('emulator: prompts named by what they say, their audio served from memory', () => {
  const { clock, svc, control, ringPerson } = controlFixture({
    now: 9_000_000,
    fetchPrompt: async (uri: string) =>
      uri === WELCOME
        ? {
            ok: true as const,
            info: { durationMs: 2000, tags: { INAM: 'welcome', ICMT: 'Welcome to Switchboard.' } },
            wav: welcomeBytes,
          }
        : { ok: true as const, info: { durationMs: 1000 }, wav: Buffer.from('spoken') },
  });

  function connected(): CallRec {
    const call = ringPerson(ALEX);
    // The seeded script answers after a second; the clock is moved past that.
    for (let i = 0; i < 10; i++) clock.advance(500);
    assert.equal(call.state, 'established');
    return call;
  }

  const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const media = (entries: Entry[], event: string) => entries.find((e) => e.event === event);

  beforeEach(async () => {
    await control('POST', '/emulator/reset');
  });
  after(() => clock.reset());

  it('names each prompt by its words or file name in the timeline and the person’s stream, never by a hash', async () => {
    const call = connected();
    const events = await control('GET', `/emulator/events?person=${ALEX}`);
    const chunks: string[] = [];
    events.stream?.({
      write: (c: string) => chunks.push(c),
      on: () => undefined,
    } as unknown as ServerResponse);
    svc.media.playPrompt(call, newOperation(svc.engine, call, 'playPromptOperation', 'x'), [WELCOME, SPOKEN]);
    await flush();

    const timeline = (await control('GET', `/emulator/calls/${call.id}/timeline`)).body as { value: Entry[] };
    const start = media(timeline.value, 'prompt-start');
    assert.deepEqual(start?.names, ['welcome', 'Untitled prompt']);
    const playing = media(timeline.value, 'prompt-playing') as {
      prompts: { text: string; durationMs: number; audio: string }[];
    };
    assert.deepEqual(
      playing.prompts.map((p) => [p.text, p.durationMs]),
      [
        ['Welcome to Switchboard.', 2000],
        ['Untitled prompt', 1000],
      ],
    );
    const streamed = chunks.join('');
    assert.match(streamed, /"text":"Welcome to Switchboard\."/);
    const labels = JSON.stringify([start?.names, playing.prompts.map((p) => p.text)]);
    assert.doesNotMatch(labels, new RegExp(HASH), 'a hash is never a label');

    const audio = await control('GET', playing.prompts[0]!.audio);
    assert.equal(audio.status, 200);
    assert.equal(audio.headers?.['Content-Type'], 'audio/wav');
    assert.deepEqual(audio.body, welcomeBytes);
    assert.equal(
      (await control('GET', `/emulator/calls/other/prompts/${playing.prompts[0]!.audio.split('/').at(-1)}`))
        .status,
      404,
    );

    svc.engine.end(call, { code: 200, subcode: 5001, message: 'bye' });
    assert.equal((await control('GET', playing.prompts[0]!.audio)).status, 404, 'gone with the call');
    assert.equal(svc.promptAudio.size(), 0);
  });

  it('keeps only the latest prompts’ audio, by count and by bytes', () => {
    const store = new PromptAudioStore({ count: 2, bytes: 10 });
    const a = store.add('c1', Buffer.alloc(4));
    const b = store.add('c1', Buffer.alloc(4));
    const c = store.add('c2', Buffer.alloc(4));
    assert.equal(store.get('c1', a), undefined, 'the oldest went first');
    assert.equal(store.get('c1', b)?.length, 4);
    assert.equal(store.get('c1', c), undefined, 'another call’s id does not serve');
    store.add('c2', Buffer.alloc(8));
    assert.equal(store.size(), 1, 'bytes over the limit push out older prompts');
  });
});

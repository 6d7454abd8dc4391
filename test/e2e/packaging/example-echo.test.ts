// The echo bot example (examples/echo-calling) run as a user runs it, from the packed tarballs
// (example-install.ts), with Bot Framework auth off as on the user's own machine. The test chats with the
// bot as Bot Framework does, through a stand-in connector; what happens on calls, it reads from the
// emulator's control API.
import assert from 'node:assert/strict';
import type * as Kit from '../../../emulator/kit';
import { waitUntil } from '../../helpers/process-tree';
import type { RunningExample } from './example-app';
import { textOf, type Chat } from './example-chat';
import { startExampleStack, type ExampleStack } from './example-install';

const WAIT_MS = 15_000;

interface Entry {
  readonly kind: string;
  readonly event?: string;
  readonly personId?: string;
  readonly uris?: readonly string[];
}

describe('the echo bot example, installed from the packed tarballs', function () {
  this.timeout(60_000);
  let emu: Kit.Emulator;
  let app: RunningExample;
  let appUrl: string;
  let chat: Chat;
  let stack: ExampleStack | undefined;

  const timeline = async (callId: string): Promise<Entry[]> =>
    (await emu.control<{ value: Entry[] }>('GET', `/emulator/calls/${callId}/timeline`)).body.value;
  // A prompt the emulator fetched from the example and is playing to the person.
  const played = async (callId: string, name: string): Promise<boolean> =>
    (await timeline(callId)).some(
      (e) => e.event === 'prompt-playing' && !!e.uris?.includes(`${appUrl}/prompts/${name}.wav`),
    );
  const personId = async (name: string): Promise<string> => {
    const person = (await emu.people.list()).find((p) => p.displayName === name);
    assert.ok(person, `${name} is in the seeded tenant`);
    return person.id;
  };
  // The calls the emulator has now that it did not have in `before`.
  const newCalls = async (before: ReadonlySet<string>): Promise<string[]> =>
    (await emu.calls.list()).map((c) => c.id).filter((id) => !before.has(id));
  const callIds = async (): Promise<Set<string>> => new Set((await emu.calls.list()).map((c) => c.id));

  before(async function () {
    // Building, packing and installing from npm's cache take a while on a busy machine.
    this.timeout(300_000);
    // Local use: no Bot Framework token on the activities the test posts, none on the replies.
    stack = await startExampleStack('off');
    ({ emu, app, appUrl, chat } = stack);
  });

  after(async () => stack?.stop());

  it('answers a call with the menu; key 1 plays the message, key 2 hangs up', async () => {
    const callId = await emu.people.call(await personId('Adele Vance'));
    await waitUntil(() => played(callId, 'menu'), WAIT_MS, 'the call is answered and the menu played');
    assert.equal(await played(callId, 'message'), false, 'no message before a key');

    await emu.calls.keys(callId, '1');
    await waitUntil(() => played(callId, 'message'), WAIT_MS, 'key 1 plays the message');

    await emu.calls.keys(callId, '2');
    await waitUntil(
      async () => (await emu.calls.get(callId)).state === 'terminated',
      WAIT_MS,
      'key 2 ends the call',
    );
    // 5001: the app hung up (the person hanging up would be 4521).
    assert.deepEqual((await emu.calls.get(callId)).resultInfo, {
      code: 200,
      subcode: 5001,
      message: 'The conversation has ended.',
    });
  });

  it('echoes what it is told in chat', async () => {
    assert.equal(await chat.say('m1', 'hello there'), 200, app.output.join('\n'));
    const reply = await chat.replyTo('m1', WAIT_MS);
    assert.equal(reply.body.type, 'message');
    assert.equal(textOf(reply), 'You said: hello there');
  });

  it('places a call on "call <user id>", says so, and plays the menu once the person answers', async () => {
    const alex = await personId('Alex Wilber');
    await emu.people.script(alex, { onRing: 'manual' });
    const before = await callIds();
    assert.equal(await chat.say('m2', `call ${alex}`), 200, app.output.join('\n'));
    assert.match(String(textOf(await chat.replyTo('m2', WAIT_MS))), new RegExp(`^Calling ${alex}\\.`));

    const [callId, ...more] = await newCalls(before);
    assert.ok(callId, 'the emulator has the placed call');
    assert.deepEqual(more, [], 'one call placed');
    const ringing = async () =>
      (await timeline(callId)).some((e) => e.event === 'ringing' && e.personId === alex);
    await waitUntil(ringing, WAIT_MS, "Alex's phone rings");
    await emu.calls.answer(callId, alex);
    await waitUntil(() => played(callId, 'menu'), WAIT_MS, 'Alex hears the menu');
    await emu.calls.hangUp(callId, alex);
  });

  it('says whom to call when "call" names nobody, and calls no one', async () => {
    const before = await callIds();
    assert.equal(await chat.say('m3', 'call'), 200);
    assert.match(String(textOf(await chat.replyTo('m3', WAIT_MS))), /^Say whom to call: call <user id>/);
    assert.deepEqual(await newCalls(before), []);
  });

  it('says the call could not be placed when Graph refuses it', async () => {
    const alex = await personId('Alex Wilber');
    await emu.faults.graph(500, 1);
    assert.equal(await chat.say('m4', `call ${alex}`), 200);
    assert.match(
      String(textOf(await chat.replyTo('m4', WAIT_MS))),
      new RegExp(`^I could not call ${alex}: `),
    );
  });
});

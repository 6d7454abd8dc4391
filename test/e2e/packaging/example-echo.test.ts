// The echo calling example (examples/echo-calling) run as a user runs it: calling and the emulator packed
// with `npm pack`, the example copied out of the repository and installed from the tarballs, the emulator
// started from the installed package. Everything the test sees, it reads from the emulator's control API.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type * as Kit from '../../../emulator/kit';
import { freePort } from '../../helpers/free-port';
import { waitUntil } from '../../helpers/process-tree';
import { installExample, startExample, type RunningExample } from './example-app';
import { pack } from './npm';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WAIT_MS = 15_000;

interface Entry {
  readonly kind: string;
  readonly event?: string;
  readonly personId?: string;
  readonly uris?: readonly string[];
}

describe('the echo calling example, installed from the packed tarballs', function () {
  this.timeout(60_000);
  let work: string;
  let emu: Kit.Emulator;
  let app: RunningExample;
  let appUrl: string;

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

  before(async function () {
    // Building, packing and installing from npm's cache take a while on a busy machine.
    this.timeout(300_000);
    work = await mkdtemp(path.join(os.tmpdir(), 'example-echo-'));
    const calling = await pack(path.join(ROOT, 'calling'), work);
    const emulator = await pack(path.join(ROOT, 'emulator'), work);
    const dir = path.join(work, 'echo-calling');
    await mkdir(dir);
    await installExample(dir, { calling: calling.tarball, emulator: emulator.tarball });
    // The kit as the example's folder resolves it: the installed package's, through its exports.
    const kit = createRequire(path.join(dir, 'package.json'))('@switchboard/emulator/kit') as typeof Kit;
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    emu = await kit.start({
      appWebhook: `${appUrl}/api/calls`,
      // Prompts play four times faster: the menu lasts 1.5 s instead of 6.
      env: { EMULATOR_PROMPT_SPEED: '4' },
    });
    app = await startExample(
      dir,
      {
        PORT: String(port),
        PUBLIC_URL: appUrl,
        MicrosoftAppId: emu.appId,
        MicrosoftAppPassword: emu.appSecret,
        MicrosoftAppTenantId: emu.tenantId,
        GRAPH_BASE_URL: `${emu.url}/v1.0`,
        ENTRA_AUTHORITY_HOST: emu.url,
        CALLING_OPENID_CONFIG_URL: `${emu.url}/calling/v1/.well-known/OpenIdConfiguration`,
        EXTRA_CA_FILE: emu.caPath,
      },
      60_000,
    );
  });

  after(async () => {
    await app?.stop();
    await emu?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

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

  it('places a call to a person on POST /call?user=<id>, and plays the menu once they answer', async () => {
    const alex = await personId('Alex Wilber');
    await emu.people.script(alex, { onRing: 'manual' });
    const res = await fetch(`${appUrl}/call?user=${alex}`, { method: 'POST' });
    assert.equal(res.status, 202, app.output.join('\n'));
    const { callId } = (await res.json()) as { callId: string };

    const ringing = async () =>
      (await timeline(callId)).some((e) => e.event === 'ringing' && e.personId === alex);
    await waitUntil(ringing, WAIT_MS, "Alex's phone rings");
    await emu.calls.answer(callId, alex);
    await waitUntil(() => played(callId, 'menu'), WAIT_MS, 'Alex hears the menu');
    await emu.calls.hangUp(callId, alex);
  });

  it('says whom to call when POST /call names nobody', async () => {
    const res = await fetch(`${appUrl}/call`, { method: 'POST' });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /\?user=/);
  });
});

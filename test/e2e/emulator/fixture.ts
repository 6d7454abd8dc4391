// Shared set-up of the emulator's end-to-end tests: the emulator process, a Graph client, a verifying
// webhook, a prompt server, and the documented payload twins to compare notifications with.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { encodeWav } from '../../../emulator/media';
import { startEmulator } from '../../helpers/emulator';
import type { RunningEmulator } from '../../helpers/emulator';
import { GraphTestClient, WebhookReceiver } from '../../helpers/graph-test-client';
import type { Received } from '../../helpers/graph-test-client';
import { compareShape } from '../../helpers/shape';
import { forSuite } from '../../helpers/suite';
import type { CompareShapeOptions } from '../../helpers/shape';
import type { Wire } from '../../helpers/graph-test-client';
import { NOTIFICATIONS } from '../../helpers/fixtures';

export const PEOPLE = {
  adele: '86528ee4-da06-4aa2-9aed-32e626300172',
  alex: '9b602b58-81c6-43ef-bb23-f7145adb1914',
  diego: '78377b16-9ba5-4342-9ed8-cf0ae0629405',
  isaiahDeclines: '4eca6a0f-994b-4db2-891e-36b1df84b2cb',
  johannaIgnores: '26ac7d24-184d-4632-a0c6-d69a864c95d2',
  joniBusy: '82e2fda3-537e-4969-936b-62d2b65be72d',
  leeOrganizer: '7c7fca77-63f4-402b-a928-059dba294e99',
  henrietta: '84223a0a-9a8b-4a67-ba4e-21533853230a',
  megan: '2c0fd3f4-495a-4f8d-9668-9ce043008303',
} as const;

const PAYLOADS = NOTIFICATIONS;

/** The first notification of a documented payload file. */
export function twin(name: string): Wire {
  return JSON.parse(readFileSync(path.join(PAYLOADS, `${name}.json`), 'utf8')).value[0];
}

/** Asserts that a received notification has its twin's shape, field by field. */
export function assertTwin(n: Received, name: string, opts: CompareShapeOptions = {}): void {
  const diffs = compareShape(n.notification, twin(name), opts);
  assert.deepEqual(diffs, [], `${name}: ${JSON.stringify(n.notification, null, 1)}`);
}

/** Serves WAV prompts over plain HTTP: /two-seconds.wav (16 kHz mono), /stereo.wav (wrong format). */
export async function startPromptServer(): Promise<{ base: string; stop(): Promise<void> }> {
  const twoSeconds = encodeWav(new Int16Array(32000), 16000);
  const longOne = encodeWav(new Int16Array(16000 * 30), 16000);
  const stereo = Buffer.from(twoSeconds);
  stereo.writeUInt16LE(2, 22);
  stereo.writeUInt32LE(16000 * 4, 28);
  stereo.writeUInt16LE(4, 32);
  const files: Record<string, Buffer> = {
    '/two-seconds.wav': twoSeconds,
    '/thirty-seconds.wav': longOne,
    '/stereo.wav': stereo,
  };
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404);
      return void res.end();
    }
    res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': file.length });
    res.end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface World {
  emu: RunningEmulator;
  graph: GraphTestClient;
  hook: WebhookReceiver;
  prompts: { base: string; stop(): Promise<void> };
  stop(): Promise<void>;
}

/** Starts everything a test file needs; the app's calling webhook points at the test's receiver. */
export async function startWorld(env: Record<string, string> = {}): Promise<World> {
  const hook = await WebhookReceiver.listen();
  const prompts = await startPromptServer();
  let emu: RunningEmulator;
  try {
    emu = await startEmulator({ env: { EMULATOR_APP_WEBHOOK: hook.url, ...env } });
  } catch (err) {
    await hook.stop();
    await prompts.stop();
    throw err;
  }
  await hook.trust({ emulatorUrl: emu.url, ca: emu.ca, appId: emu.appId });
  const graph = new GraphTestClient(emu);
  return {
    emu,
    graph,
    hook,
    prompts,
    stop: async () => {
      await emu.stop();
      await hook.stop();
      await prompts.stop();
    },
  };
}

/** A world for one suite: started in before(), every live call hung up after each test, stopped in after(). */
export function useWorld(env: Record<string, string> = {}): World {
  const world = forSuite(
    () => startWorld(env),
    (w) => w.stop(),
  );
  afterEach(() => hangUpAll(world));
  return world;
}

export const SERVICE_MEDIA = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' };

/** A create-call body for a P2P call to a user. */
export function p2pBody(callbackUri: string, userId: string): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.call',
    callbackUri,
    targets: [
      {
        '@odata.type': '#microsoft.graph.invitationParticipantInfo',
        identity: {
          '@odata.type': '#microsoft.graph.identitySet',
          user: { '@odata.type': '#microsoft.graph.identity', id: userId },
        },
      },
    ],
    requestedModalities: ['audio'],
    mediaConfig: SERVICE_MEDIA,
  };
}

/** A prompt list for playPrompt. */
export const promptsOf = (...uris: string[]) =>
  uris.map((uri) => ({
    '@odata.type': '#microsoft.graph.mediaPrompt',
    mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri },
  }));

/** Places a P2P call and waits until it is established; returns the call id. */
export async function establishedCall(w: World, userId: string = PEOPLE.adele): Promise<string> {
  const res = await w.graph.call('POST', '/communications/calls', p2pBody(w.hook.url, userId));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const id = res.body.id as string;
  await w.hook.waitFor(
    (n) => n.resourceUrl === `/communications/calls/${id}` && n.resourceData.state === 'established',
  );
  return id;
}

/** Sets a person's script through the control API. */
export async function setScript(w: World, personId: string, script: Record<string, unknown>): Promise<void> {
  const res = await w.emu.control('PUT', `/emulator/people/${personId}/script`, script);
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** Every notification a test received verified against the published calling keys. */
export function assertAllVerified(w: World): void {
  assert.ok(w.hook.posts.length > 0, 'no notification was received');
  const bad = w.hook.posts.filter((p) => !p.verified);
  assert.deepEqual(
    bad.map((p) => p.error),
    [],
    'some notifications failed verification',
  );
}

/** Hangs up every call still live (so that people are free for the next test). */
export async function hangUpAll(w: World): Promise<void> {
  const calls = (await w.emu.control('GET', '/emulator/calls')).body.value as { id: string; state: string }[];
  const live = calls.filter((c) => c.state !== 'terminated');
  await Promise.all(live.map((c) => w.graph.call('DELETE', `/communications/calls/${c.id}`)));
  for (const c of live)
    await w.hook
      .waitFor((n) => n.resourceUrl === `/communications/calls/${c.id}` && n.changeType === 'deleted', 5000)
      .catch(() => undefined);
}

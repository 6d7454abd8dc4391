// Outgoing P2P calls against the emulator process: states, prompts, tones, DTMF, hang-ups and the end
// codes for people who decline, are busy, never answer or do not exist.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareShape } from '../../helpers/shape';
import { callState } from '../../helpers/graph-test-client';
import {
  PEOPLE,
  assertAllVerified,
  assertTwin,
  establishedCall,
  p2pBody,
  promptsOf,
  setScript,
  useWorld,
} from './fixture';
import type { Wire } from '../../helpers/graph-test-client';
import { NOTIFICATIONS } from '../../helpers/fixtures';

const PAYLOADS = NOTIFICATIONS;

describe('emulator e2e: P2P calls', function () {
  this.timeout(30_000);
  const w = useWorld({ EMULATOR_PROMPT_SPEED: '4', EMULATOR_RING_TIMEOUT_MS: '3000' });

  before(async () => {
    await setScript(w, PEOPLE.adele, { onRing: 'answer', answerAfterMs: 200 });
  });

  it('creates a call (201, Location, establishing) shaped like the documented response', async () => {
    const res = await w.graph.call('POST', '/communications/calls', p2pBody(w.hook.url, PEOPLE.adele));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.headers.location, `${w.emu.url}/v1.0/communications/calls/${res.body.id}`);
    assert.equal(res.body.state, 'establishing');
    assert.equal(res.body.direction, 'outgoing');
    const documented = JSON.parse(readFileSync(path.join(PAYLOADS, 'create-call-response.json'), 'utf8'));
    // The documented example's source shows region/languageId and its targets carry a displayName; the
    // emulator echoes what was sent, and adds what the newer docs list (callOptions, incomingContext, ...).
    const diffs = compareShape(res.body, documented, {
      ignore: [
        'source',
        'targets',
        'mediaConfig.preFetchMedia',
        'callOptions',
        'incomingContext',
        'callRoutes',
        'activeModalities',
      ],
    });
    assert.deepEqual(diffs, []);
    const id = res.body.id as string;
    const establishing = await w.hook.waitFor(callState(id, 'establishing'));
    const established = await w.hook.waitFor(callState(id, 'established'));
    assert.ok(
      w.hook.indexOf(callState(id, 'establishing')) < w.hook.indexOf(callState(id, 'established')),
      'establishing comes first',
    );
    assertTwin(establishing, 'establishing');
    assertTwin(established, 'established');
    await w.graph.call('DELETE', `/communications/calls/${id}`);
    await w.hook.waitFor(callState(id, 'terminated'));
  });

  it('plays a prompt: 200 + Location + running, completed after the WAV duration / speed', async () => {
    const id = await establishedCall(w);
    const started = Date.now();
    const res = await w.graph.call('POST', `/communications/calls/${id}/playPrompt`, {
      clientContext: 'menu-1',
      prompts: promptsOf(`${w.prompts.base}/two-seconds.wav`),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body['@odata.type'], '#microsoft.graph.playPromptOperation');
    assert.equal(res.body.status, 'running');
    assert.match(
      String(res.headers.location),
      new RegExp(`/communications/calls/${id}/operations/${res.body.id}$`),
    );
    const opKey = String(res.body.id).replace(/-/g, '').toUpperCase();
    const done = await w.hook.waitFor(
      (n) => n.resourceUrl.endsWith(`/operations/${opKey}`) && n.changeType === 'deleted',
    );
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 2000 / 4 - 20, `completed after ${elapsed} ms, before the prompt's 500 ms`);
    assert.ok(elapsed < 2000, `completed after ${elapsed} ms: the speed factor was not applied`);
    assert.equal(done.resourceData.status, 'completed');
    assert.equal(done.resourceData.clientContext, 'menu-1');
    assert.deepEqual([done.resourceData.resultInfo.code, done.resourceData.resultInfo.subcode], [200, 0]);
    assertTwin(done, 'playprompt-completed');
    const op = await w.graph.call('GET', `/communications/calls/${id}/operations/${res.body.id}`);
    assert.equal(op.body.status, 'completed');
    await w.graph.call('DELETE', `/communications/calls/${id}`);
  });

  it('fails a prompt that is missing or not 16 kHz mono PCM, with a resultInfo', async () => {
    const id = await establishedCall(w);
    const missing = await w.graph.call('POST', `/communications/calls/${id}/playPrompt`, {
      prompts: promptsOf(`${w.prompts.base}/nope.wav`),
    });
    const stereo = await w.graph.call('POST', `/communications/calls/${id}/playPrompt`, {
      prompts: promptsOf(`${w.prompts.base}/stereo.wav`),
    });
    for (const [res, subcode] of [
      [missing, 8536],
      [stereo, 8535],
    ] as const) {
      const done = await w.hook.waitFor((n) => n.resourceUrl.endsWith(`/operations/${res.body.id}`));
      assert.equal(done.resourceData.status, 'failed');
      assert.equal(done.resourceData.resultInfo.code, 400);
      assert.equal(done.resourceData.resultInfo.subcode, subcode);
    }
    await w.graph.call('DELETE', `/communications/calls/${id}`);
  });

  it('reports key presses as toneInfo after subscribeToTone, and sends DTMF', async () => {
    const id = await establishedCall(w);
    const sub = await w.graph.call('POST', `/communications/calls/${id}/subscribeToTone`, {
      clientContext: 'tones',
    });
    assert.equal(sub.status, 200);
    assert.equal(sub.body.status, 'completed');
    const keys = await w.emu.control('POST', `/emulator/calls/${id}/keys`, { tones: '1#' });
    assert.equal(keys.status, 202);
    const one = await w.hook.waitFor(
      (n) => n.resourceUrl === `/communications/calls/${id}` && n.resourceData.toneInfo?.tone === 'tone1',
    );
    const pound = await w.hook.waitFor(
      (n) => n.resourceUrl === `/communications/calls/${id}` && n.resourceData.toneInfo?.tone === 'pound',
    );
    assert.ok(pound.resourceData.toneInfo.sequenceId > one.resourceData.toneInfo.sequenceId);
    assertTwin(pound, 'tone-received');
    const dtmf = await w.graph.call('POST', `/communications/calls/${id}/sendDtmfTones`, {
      tones: ['tone2', 'tone0', 'tone4'],
      clientContext: 'dial-204',
    });
    assert.equal(dtmf.status, 200);
    const sent = await w.hook.waitFor((n) => n.resourceUrl.endsWith(`/operations/${dtmf.body.id}`));
    assertTwin(sent, 'senddtmf-completed');
    await w.graph.call('DELETE', `/communications/calls/${id}`);
  });

  it('hangs up: 204, terminating then terminated (200/5001), then 404 for the call', async () => {
    const id = await establishedCall(w);
    const del = await w.graph.call('DELETE', `/communications/calls/${id}`);
    assert.equal(del.status, 204);
    const terminating = await w.hook.waitFor(callState(id, 'terminating', 'updated'));
    const terminated = await w.hook.waitFor(callState(id, 'terminated', 'deleted'));
    assert.ok(w.hook.indexOf(callState(id, 'terminating')) < w.hook.indexOf(callState(id, 'terminated')));
    assert.deepEqual(
      [terminated.resourceData.resultInfo.code, terminated.resourceData.resultInfo.subcode],
      [200, 5001],
    );
    assertTwin(terminating, 'terminating');
    assertTwin(terminated, 'terminated');
    assert.equal((await w.graph.call('GET', `/communications/calls/${id}`)).status, 404);
    assert.equal((await w.graph.call('POST', `/communications/calls/${id}/keepAlive`)).status, 404);
  });

  it('ends with 200/4521 when the person hangs up', async () => {
    const id = await establishedCall(w);
    assert.equal((await w.emu.control('POST', `/emulator/calls/${id}/hangup`)).status, 202);
    const end = await w.hook.waitFor(callState(id, 'terminated'));
    assert.deepEqual([end.resourceData.resultInfo.code, end.resourceData.resultInfo.subcode], [200, 4521]);
  });

  const failures: [string, string, number, number][] = [
    ['declines', PEOPLE.isaiahDeclines, 480, 10134],
    ['is busy', PEOPLE.joniBusy, 480, 10076],
    ['never answers (ring timeout)', PEOPLE.johannaIgnores, 408, 10057],
    ['does not exist', '00000000-0000-4000-8000-000000000001', 480, 10037],
  ];
  for (const [what, person, code, subcode] of failures) {
    it(`ends the call with ${code}/${subcode} when the person ${what}`, async () => {
      const res = await w.graph.call('POST', '/communications/calls', p2pBody(w.hook.url, person));
      assert.equal(res.status, 201);
      const end = await w.hook.waitFor(callState(res.body.id, 'terminated', 'deleted'));
      assert.deepEqual(
        [end.resourceData.resultInfo.code, end.resourceData.resultInfo.subcode],
        [code, subcode],
      );
      assert.equal(
        w.hook.forCall(res.body.id).filter((n) => n.resourceData?.state === 'established').length,
        0,
      );
    });
  }

  it('calls a phone number from the resource account (PSTN); the PSTN hang-up ends with 200/540000', async () => {
    const phoneCall = (source?: object) => ({
      ...p2pBody(w.hook.url, PEOPLE.adele),
      targets: [{ identity: { phone: { '@odata.type': '#microsoft.graph.identity', id: '+14255550100' } } }],
      ...(source ? { source } : {}),
      tenantId: w.emu.tenantId,
    });
    const withoutInstance = await w.graph.call('POST', '/communications/calls', phoneCall());
    assert.equal(withoutInstance.status, 400);
    const res = await w.graph.call(
      'POST',
      '/communications/calls',
      phoneCall({
        '@odata.type': '#microsoft.graph.participantInfo',
        identity: {
          '@odata.type': '#microsoft.graph.identitySet',
          applicationInstance: {
            '@odata.type': '#microsoft.graph.identity',
            id: '546fd721-0aaa-408b-bb40-d970693cd379',
          },
        },
      }),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await w.hook.waitFor(callState(res.body.id, 'established'));
    const roster = await w.graph.call('GET', `/communications/calls/${res.body.id}/participants`);
    assert.ok(roster.body.value.some((p: Wire) => p.info.identity.phone?.id === '+14255550100'));
    await w.emu.control('POST', `/emulator/calls/${res.body.id}/hangup`);
    const end = await w.hook.waitFor(callState(res.body.id, 'terminated'));
    assert.equal(end.resourceData.resultInfo.subcode, 540000);
  });

  it('treats a person already in a call as busy', async () => {
    const first = await establishedCall(w, PEOPLE.adele);
    const second = await w.graph.call('POST', '/communications/calls', p2pBody(w.hook.url, PEOPLE.adele));
    const end = await w.hook.waitFor(callState(second.body.id, 'terminated'));
    assert.equal(end.resourceData.resultInfo.subcode, 10076);
    await w.graph.call('DELETE', `/communications/calls/${first}`);
  });

  it('signed every notification with the published calling keys', () => {
    assertAllVerified(w);
  });
});

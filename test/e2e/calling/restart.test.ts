import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator';
import { spawnTs, type Spawned } from '../../helpers/process';
import { freePort } from '../../helpers/free-port';
import { emulatorAppEnv, routeCallsTo } from '../../helpers/stack';
import { person, script } from './harness';

const CHILD = 'test/e2e/calling/app-process.ts';

function step(p: Spawned, name: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  return p
    .waitForLine((l) => l.startsWith('{') && l.includes(`"step":"${name}"`), timeoutMs)
    .then((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('calling e2e: the app killed mid-call (SIGKILL) and started again', function () {
  this.timeout(180_000);
  let emu: RunningEmulator;
  let dir = '';
  const children: Spawned[] = [];

  before(async () => {
    emu = await startEmulator({ env: { EMULATOR_PROMPT_SPEED: '2' } });
    dir = mkdtempSync(path.join(tmpdir(), 'sb-restart-'));
  });
  after(async () => {
    for (const c of children)
      if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await emu?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('carries the call on: the prompt that finished while the app was down settles, the call goes on and ends', async () => {
    const adele = person({ emu }, 'Adele Vance');
    await script({ emu }, adele.id, { onRing: 'answer', answerAfterMs: 200 });
    const port = await freePort();
    await routeCallsTo(emu, port);
    const env = { ...emulatorAppEnv(emu, port), SQLITE_PATH: path.join(dir, 'switchboard.db') };

    const first = spawnTs(CHILD, { ...env, SCENARIO: 'start', PERSON_ID: adele.id });
    children.push(first);
    const running = await step(first, 'prompt-running');
    const callId = String(running.callId);
    const operationId = String(running.operationId);
    // Graph downloads a prompt's audio from the app before playing it; killed before that, the prompt
    // fails as a download failure (as it would in Teams). Kill the app once the emulator is playing it.
    const playing = new RegExp(
      `"operationId":"${String(running.graphOperationId)}","event":"prompt-playing"`,
    );
    const fetched = Date.now() + 20_000;
    while (
      !playing.test(JSON.stringify((await emu.control('GET', `/emulator/calls/${callId}/timeline`)).body))
    ) {
      if (Date.now() > fetched) throw new Error('the emulator never started playing the prompt');
      await new Promise((r) => setTimeout(r, 50));
    }

    first.child.kill('SIGKILL');
    const exit = await first.exited();
    assert.equal(exit.signal, 'SIGKILL');

    // While the app is down the prompt ends; its completion cannot be delivered and is retried.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const timeline = JSON.stringify((await emu.control('GET', `/emulator/calls/${callId}/timeline`)).body);
      if (/"status":"completed"/.test(timeline) && /playPromptOperation/.test(timeline)) break;
      if (Date.now() > deadline) throw new Error('the prompt never finished in the emulator');
      await new Promise((r) => setTimeout(r, 200));
    }

    const second = spawnTs(CHILD, { ...env, SCENARIO: 'resume', CALL_ID: callId, OPERATION_ID: operationId });
    children.push(second);
    const settled = await step(second, 'operation-settled', 90_000);
    assert.equal(settled.status, 'completed');
    assert.deepEqual((settled.resultInfo as { code: number }).code, 200);
    const goodbye = await step(second, 'goodbye-played');
    assert.equal(goodbye.status, 'completed');
    const ended = await step(second, 'terminated');
    assert.equal(ended.reason, 'the call ended');
    const exit2 = await second.exited();
    assert.equal(exit2.code, 0, second.stderr.join('\n'));

    const deliveries = JSON.stringify((await emu.control('GET', `/emulator/calls/${callId}/timeline`)).body);
    assert.match(
      deliveries,
      /"event":"error"/,
      'some deliveries failed while the app was down and were retried',
    );
    const emuCall = (await emu.control('GET', `/emulator/calls/${callId}`)).body as { state?: string };
    assert.equal(emuCall.state, 'terminated');
  });
});

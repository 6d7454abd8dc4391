import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../../store';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator';
import { freePort } from '../../helpers/free-port';
import { spawnTs, type Spawned } from '../../helpers/process';
import { emulatorAppEnv, routeCallsTo } from '../../helpers/stack';
import { person, script, until } from '../calling/harness';

const ROOT = path.resolve(__dirname, '../../..');

/** The real app process (server/main.ts) with this environment; resolves once it listens. */
async function startAppProcess(env: Record<string, string>): Promise<Spawned> {
  const p = spawnTs('server/main.ts', { ...env, LOG_LEVEL: 'info' });
  await p.waitForLine((l) => l.includes('switchboard listening'), 60_000);
  return p;
}

async function presence(emu: RunningEmulator, personId: string, availability: string): Promise<void> {
  const res = await emu.control('PUT', `/emulator/people/${personId}/presence`, {
    availability,
    activity: availability,
  });
  assert.ok(res.status < 300, `presence: ${res.status}`);
}

describe('queue e2e: the app SIGKILLed while callers wait', function () {
  this.timeout(240_000);
  let emu: RunningEmulator;
  let dir: string;
  let store: Store | undefined;
  const children: Spawned[] = [];

  before(async () => {
    emu = await startEmulator({ env: { EMULATOR_PROMPT_SPEED: '2' } });
    dir = mkdtempSync(path.join(tmpdir(), 'sb-queue-restart-'));
  });
  after(async () => {
    for (const c of children.splice(0))
      if (c.child.exitCode === null && c.child.signalCode === null) {
        c.child.kill('SIGTERM');
        const t = setTimeout(() => c.child.kill('SIGKILL'), 5000);
        await c.exited();
        clearTimeout(t);
      }
    await store?.close();
    await emu?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every waiting caller, in order, and puts them through once an agent is free', async () => {
    const adele = person({ emu }, 'Adele Vance');
    const diego = person({ emu }, 'Diego Siciliani');
    await presence(emu, adele.id, 'DoNotDisturb');
    await presence(emu, diego.id, 'DoNotDisturb');
    await script({ emu }, diego.id, { onRing: 'answer', answerAfterMs: 500, hangUpAfterMs: 3000 });
    const port = await freePort();
    const env = {
      ...emulatorAppEnv(emu, port),
      TAB_DIR: path.resolve('teams-tab/web/dist'),
      TTS_CACHE_DIR: path.join(dir, 'tts'),
      SQLITE_PATH: path.join(dir, 'queue.db'),
      FRONTDESK_CONFIG: path.join(ROOT, 'test/fixtures/flows/frontdesk-queue.yaml'),
      QUEUES_CONFIG: path.join(ROOT, 'test/fixtures/flows/queues-ring.yaml'),
    };
    const first = await startAppProcess(env);
    children.push(first);
    await routeCallsTo(emu, port);
    store = await openStore({ sqlitePath: env.SQLITE_PATH });
    const db = store.db;
    const waiting = async () =>
      (
        await db
          .selectFrom('queue_entries')
          .select('call_id')
          .orderBy('queued_at')
          .orderBy('call_id')
          .execute()
      ).map((r) => r.call_id);

    const callers: string[] = [];
    for (const name of ['Megan Bowen', 'Nestor Wilke', 'Lidia Holloway']) {
      const who = person({ emu }, name);
      await script({ emu }, who.id, { onRing: 'answer' });
      const res = await emu.control<{ callId: string }>('POST', `/emulator/people/${who.id}/call`, {
        to: 'app',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      callers.push(res.body.callId.toLowerCase());
      await until(async () => (await waiting()).length === callers.length, `${name} in the queue`, 30_000);
    }
    assert.deepEqual(
      (await waiting()).map((c) => c.toLowerCase()),
      callers,
    );

    first.child.kill('SIGKILL');
    assert.equal((await first.exited()).signal, 'SIGKILL');
    const second = await startAppProcess(env);
    children.push(second);
    assert.deepEqual(
      (await waiting()).map((c) => c.toLowerCase()),
      callers,
      'nobody lost, nobody moved',
    );

    await presence(emu, diego.id, 'Available');
    await until(
      async () =>
        (
          await db
            .selectFrom('queue_ring_attempts')
            .select('call_id')
            .where('outcome', '=', 'answered')
            .execute()
        ).length === 3,
      'every caller to be put through',
      150_000,
    );
    const answered = await db
      .selectFrom('queue_ring_attempts')
      .select(['call_id', 'agent_id'])
      .where('outcome', '=', 'answered')
      .orderBy('started_at')
      .execute();
    assert.deepEqual(
      answered.map((r) => r.call_id.toLowerCase()),
      callers,
      'in arrival order',
    );
    const rings = await db.selectFrom('queue_ring_attempts').select('agent_id').execute();
    assert.ok(
      rings.every((r) => r.agent_id === diego.id.toLowerCase()),
      'Adele (Do not disturb) was never rung',
    );
    // Each caller was still on the line to talk to Diego: every call lasted past his three seconds.
    await until(
      async () =>
        (
          await db
            .selectFrom('queue_ring_attempts')
            .select('handled_ms')
            .where('outcome', '=', 'answered')
            .where('handled_ms', '>', 2000)
            .execute()
        ).length === 3,
      'every queue call to end after the caller and Diego talked',
      30_000,
    );
  });
});

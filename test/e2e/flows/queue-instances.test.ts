import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../../store';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator';
import { freePort } from '../../helpers/free-port';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { ROOT, spawnTs, type Spawned } from '../../helpers/process';
import { startRoundRobin, type RoundRobin } from '../../helpers/round-robin';
import { emulatorAppEnv, routeCallsTo } from '../../helpers/stack';
import { person, script, until } from '../calling/harness';

interface Attempt {
  readonly call_id: string;
  readonly agent_id: string;
  readonly started_at: number;
  readonly ended_at: number | null;
  readonly outcome: string | null;
}

describe('queue e2e: two app instances on one PostgreSQL serve one queue', function () {
  this.timeout(300_000);
  let emu: RunningEmulator;
  let pg: TestPostgres;
  let proxy: RoundRobin | undefined;
  let store: Store | undefined;
  let dir = '';
  const children: Spawned[] = [];

  before(async () => {
    emu = await startEmulator({ env: { EMULATOR_PROMPT_SPEED: '2' } });
    pg = await startPostgres();
    dir = mkdtempSync(path.join(tmpdir(), 'sb-queue-instances-'));
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
    await proxy?.close();
    await pg?.stop();
    await emu?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function startInstance(port: number): Promise<void> {
    const p = spawnTs('server/main.ts', {
      ...emulatorAppEnv(emu, port),
      PUBLIC_URL: proxy!.url,
      DATABASE_URL: pg.url,
      FRONTDESK_CONFIG: path.join(ROOT, 'test/fixtures/flows/frontdesk-queue.yaml'),
      QUEUES_CONFIG: path.join(ROOT, 'test/fixtures/flows/queues-ring.yaml'),
      TTS_CACHE_DIR: path.join(dir, 'tts'),
      LOG_LEVEL: 'info',
    });
    children.push(p);
    await p.waitForLine((l) => l.includes('switchboard listening'), 60_000);
  }

  it('four callers, two agents: every caller put through, no agent rung twice at once', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    proxy = await startRoundRobin([portA, portB]);
    await routeCallsTo(emu, proxy.port);
    await startInstance(portA);
    await startInstance(portB);
    store = await openStore({ databaseUrl: pg.url, sqlitePath: path.join(dir, 'unused.db') });
    const db = store.db;
    for (const name of ['Adele Vance', 'Diego Siciliani'])
      await script({ emu }, person({ emu }, name).id, {
        onRing: 'answer',
        answerAfterMs: 500,
        hangUpAfterMs: 3000,
      });

    const callers: string[] = [];
    for (const name of ['Megan Bowen', 'Nestor Wilke', 'Lidia Holloway', 'Henrietta Mueller']) {
      const who = person({ emu }, name);
      await script({ emu }, who.id, { onRing: 'answer' });
      const res = await emu.control<{ callId: string }>('POST', `/emulator/people/${who.id}/call`, {
        to: 'app',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      callers.push(res.body.callId.toLowerCase());
    }
    const answered = async () =>
      (
        await db
          .selectFrom('queue_ring_attempts')
          .select('call_id')
          .where('outcome', '=', 'answered')
          .execute()
      ).map((r) => r.call_id.toLowerCase());
    await until(
      async () => (await answered()).length === callers.length,
      'every caller to be put through',
      180_000,
    );
    assert.deepEqual([...(await answered())].sort(), [...callers].sort(), 'each caller once');

    const all = (await db.selectFrom('queue_ring_attempts').selectAll().execute()).map((r): Attempt => ({
      call_id: r.call_id,
      agent_id: r.agent_id,
      started_at: Number(r.started_at),
      ended_at: r.ended_at === null ? null : Number(r.ended_at),
      outcome: r.outcome,
    }));
    for (const a of all)
      for (const b of all) {
        if (a === b || a.agent_id !== b.agent_id) continue;
        const overlap = a.started_at < (b.ended_at ?? Infinity) && b.started_at < (a.ended_at ?? Infinity);
        assert.ok(!overlap, `agent ${a.agent_id} was rung for ${a.call_id} and ${b.call_id} at once`);
      }
    assert.ok(
      (proxy.served.get(portA) ?? 0) > 0 && (proxy.served.get(portB) ?? 0) > 0,
      'both instances took requests',
    );
    // Long after both instances followed their agents: one presence subscription for the deployment.
    const subs = await emu.control<{ value: Array<{ resource: string }> }>('GET', '/emulator/subscriptions');
    assert.equal(subs.body.value.filter((s) => /presences/.test(s.resource)).length, 1);
  });
});

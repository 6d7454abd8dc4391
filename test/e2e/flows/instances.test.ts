import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GOODBYE_TEXT, PUT_THROUGH_TEXT } from '../../../calling/flows/ivr/fallback';
import { readConfig } from '../../../server';
import type { TimelineEntry } from '../../../calling';
import { createCallData, createFlowData, openStore, type Store } from '../../../store';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator';
import { freePort } from '../../helpers/free-port';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { ROOT, spawnTs, type Spawned } from '../../helpers/process';
import { startRoundRobin, type RoundRobin } from '../../helpers/round-robin';
import { emulatorAppEnv, routeCallsTo } from '../../helpers/stack';
import { person, script, sleep, until } from '../calling/harness';
import { appSpeech, callApp, promptsPlayed } from './flows-harness';

// Who calls in: some press nothing (the menu's no-input retries, then goodbye), some press 0 (goodbye at
// once) after the kill, some call just before it (still connecting when it happens).
const SILENT = ['Adele Vance', 'Alex Wilber', 'Grady Archie'];
const PRESSING = ['Henrietta Mueller', 'Lidia Holloway', 'Megan Bowen'];
const CONNECTING = ['Diego Siciliani', 'Isaiah Langer'];

interface Caller {
  readonly name: string;
  readonly kind: 'silent' | 'pressing' | 'connecting';
  callId: string;
}

describe('IVR e2e: app instances killed mid-menu (SIGKILL) and started again', function () {
  this.timeout(300_000);
  let emu: RunningEmulator;
  let dir = '';
  let proxy: RoundRobin | undefined;
  const children: Spawned[] = [];
  const stores: Store[] = [];

  before(async () => {
    emu = await startEmulator({ env: { EMULATOR_PROMPT_SPEED: '2' } });
    dir = mkdtempSync(path.join(tmpdir(), 'sb-instances-'));
    // The spoken prompts are made here once, into the cache the app processes share, so what this test
    // measures is the take-over, not the start of each process's speech worker.
    const texts = [...readFileSync(path.join(ROOT, 'config/ivr/main.yaml'), 'utf8').matchAll(/say: (.+)$/gm)];
    const config = readConfig({ ...emulatorAppEnv(emu, 1), TTS_CACHE_DIR: path.join(dir, 'tts') });
    const speech = appSpeech(config);
    for (const text of [...texts.map((m) => m[1]!.trim()), GOODBYE_TEXT, PUT_THROUGH_TEXT])
      await speech.url(text);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      for (const c of children)
        process.stdout.write(
          `--- app ${c.child.pid}:\n${c.stderr.slice(-40).join('\n')}\n${c.stdout
            .filter((l) => /"level":(40|50)/.test(l))
            .slice(-20)
            .join('\n')}\n`,
        );
    for (const c of children.splice(0))
      if (c.child.exitCode === null && c.child.signalCode === null) {
        c.child.kill('SIGTERM');
        const t = setTimeout(() => c.child.kill('SIGKILL'), 5000);
        await c.exited();
        clearTimeout(t);
      }
    for (const s of stores.splice(0)) await s.close();
    await proxy?.close();
    proxy = undefined;
  });
  after(async () => {
    await emu?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** One app process on `port`, behind the proxy (its public URL), with the front desk and the main menu. */
  async function startInstance(port: number, db: Record<string, string>): Promise<Spawned> {
    const p = spawnTs('server/main.ts', {
      ...emulatorAppEnv(emu, port),
      PUBLIC_URL: proxy!.url,
      FRONTDESK_CONFIG: path.join(ROOT, 'test/fixtures/flows/frontdesk-open.yaml'),
      IVR_DIR: path.join(ROOT, 'config', 'ivr'),
      TTS_CACHE_DIR: path.join(dir, 'tts'),
      LOG_LEVEL: 'info',
      ...db,
    });
    children.push(p);
    await p.waitForLine((l) => l.includes('switchboard listening'), 60_000);
    return p;
  }

  const timeline = (store: Store, callId: string) => createCallData(store).timeline.list(callId);
  const count = (lines: TimelineEntry[], re: RegExp) => lines.filter((l) => re.test(l.summary)).length;

  /** Where the IVR is: node/phase. */
  async function ivrAt(store: Store, callId: string): Promise<string> {
    const flow = await createFlowData(store).flows.get(callId);
    const state = flow?.state as { node?: string; phase?: string } | undefined;
    return `${state?.node}/${state?.phase}`;
  }

  async function callIn(names: readonly string[], kind: Caller['kind']): Promise<Caller[]> {
    const out: Caller[] = [];
    for (const name of names) {
      const p = person({ emu }, name);
      await script({ emu }, p.id, { onRing: 'answer' });
      out.push({ name, kind, callId: await callApp({ emu, calling: undefined as never }, p.id) });
    }
    return out;
  }

  /**
   * The scenario on whatever instances `kill` and `restart` stand for: callers in the menu, the
   * instance killed, keys pressed, the instance started again; every call driven to its end, once.
   */
  async function scenario(store: Store, kill: () => Promise<void>, restart: () => Promise<void>) {
    const early = [...(await callIn(SILENT, 'silent')), ...(await callIn(PRESSING, 'pressing'))];
    for (const c of early)
      await until(
        // At the main menu, where a key is taken (the welcome before it takes none).
        async () => ['main/prompting', 'main/collecting'].includes(await ivrAt(store, c.callId)),
        `${c.name}'s call to reach the menu`,
        60_000,
      );
    const connecting = await callIn(CONNECTING, 'connecting');
    await kill();
    const killedAt = Date.now();
    for (const c of early.filter((x) => x.kind === 'pressing'))
      await emu.control('POST', `/emulator/calls/${c.callId}/keys`, { tones: '0' });
    const callers = [...early, ...connecting];

    // Every call's menu moves on within a few seconds of the kill (taken over, a retry, a key acted on):
    // a step of its flow, not merely a notification received.
    for (const c of callers)
      await until(
        async () => (await timeline(store, c.callId)).some((e) => e.at > killedAt && /^ivr/.test(e.summary)),
        `${c.name}'s menu to move on after the kill`,
        12_000,
      );
    // Time for any late take-over to show before the restart, so what follows the restart is its own.
    await sleep(5000);
    const restartedAt = Date.now();
    await restart();

    for (const c of callers)
      await until(
        async () => (await createCallData(store).calls.get(c.callId))?.state === 'terminated',
        `${c.name}'s call to end`,
        120_000,
      );
    await sleep(1000);
    for (const c of callers) {
      const lines = await timeline(store, c.callId);
      const why = `${c.name} (${c.kind}):\n${lines.map((l) => l.summary).join('\n')}`;
      assert.equal(count(lines, /^ivr main: answering/), 1, `answered once: ${why}`);
      assert.ok(count(lines, /^ivr: resume$/) <= 1, `taken over at most once: ${why}`);
      assert.equal(
        lines.filter((l) => /^ivr: resume$/.test(l.summary) && l.at > restartedAt).length,
        0,
        `nothing resumed by the restarted instance: ${why}`,
      );
      assert.equal(count(lines, /flow failed/), 0, `no flow failed: ${why}`);
      if (c.kind === 'pressing') {
        assert.equal(count(lines, /main\/main: caller entered "0"/), 1, `the key acted on once: ${why}`);
      } else {
        for (const n of [1, 2])
          assert.equal(
            count(lines, new RegExp(`main/main: heard nothing, attempt ${n} of 3$`)),
            1,
            `retry ${n}: ${why}`,
          );
        assert.equal(
          count(lines, /main\/main: heard nothing, attempt 3 of 3; giving up/),
          1,
          `gave up once: ${why}`,
        );
      }
      const goodbyes = (await promptsPlayed({ emu, calling: undefined as never }, c.callId)).filter((u) =>
        /goodbye/.test(u),
      );
      assert.equal(goodbyes.length, 1, `goodbye played once: ${why}`);
      assert.equal(count(lines, /main\/goodbye: the menu says so; hanging up/), 1, `hung up once: ${why}`);
    }
  }

  describe('two instances on one PostgreSQL behind a round-robin proxy', () => {
    let pg: TestPostgres;
    before(async () => {
      pg = await startPostgres();
    });
    after(async () => pg?.stop());

    it('SIGKILL one: the other drives every call on; restarting it duplicates nothing', async () => {
      const [portA, portB] = [await freePort(), await freePort()];
      proxy = await startRoundRobin([portA, portB]);
      await routeCallsTo(emu, proxy.port);
      let a = await startInstance(portA, { DATABASE_URL: pg.url });
      await startInstance(portB, { DATABASE_URL: pg.url });
      const store = await openStore({ databaseUrl: pg.url, sqlitePath: path.join(dir, 'unused.db') });
      stores.push(store);
      await scenario(
        store,
        async () => {
          a.child.kill('SIGKILL');
          assert.equal((await a.exited()).signal, 'SIGKILL');
        },
        async () => {
          a = await startInstance(portA, { DATABASE_URL: pg.url });
        },
      );
      assert.ok((proxy.served.get(portA) ?? 0) > 0 && (proxy.served.get(portB) ?? 0) > 0, 'both served');
    });
  });

  it('one instance on SQLite, SIGKILLed and started again, carries every call on once', async () => {
    const port = await freePort();
    proxy = await startRoundRobin([port]);
    await routeCallsTo(emu, proxy.port);
    const sqlite = { SQLITE_PATH: path.join(dir, 'single.db') };
    let app = await startInstance(port, sqlite);
    // The test reads the app's file to follow each call. Its store writes nothing after opening (no
    // heartbeat renewals): a second writer on one SQLite file is not a supported set-up (several
    // instances share PostgreSQL), and its writes made the app's transactions fail as "database is locked".
    const store = await openStore({ sqlitePath: sqlite.SQLITE_PATH, liveness: { heartbeatMs: 3_600_000 } });
    stores.push(store);
    let killed: Spawned | undefined;
    await scenario(
      store,
      async () => {
        app.child.kill('SIGKILL');
        assert.equal((await app.exited()).signal, 'SIGKILL');
        killed = app;
        app = await startInstance(port, sqlite);
      },
      async () => undefined,
    );
    assert.ok(killed);
  });
});

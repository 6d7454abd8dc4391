// `npm start` in local mode as real processes: the emulator never outlives the app (SIGKILL, SIGINT), a
// second start while one runs is one line and leaves nothing behind, and every printed address follows
// PORT and EMULATOR_PORT.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { doctorMain } from '../../../manifest';
import { freePort } from '../../helpers/free-port';
import { ROOT, spawnTs, type Spawned } from '../../helpers/process';
import { canBind, isAlive, processesWithEnv, waitUntil } from '../../helpers/process-tree';

const MARK = 'SWITCHBOARD_TEST_MARK';

interface Started {
  readonly proc: Spawned;
  readonly mark: string;
  readonly port: number;
  readonly emulatorPort: number;
}

describe('npm start in local mode: processes and ports (e2e)', function () {
  this.timeout(120_000);
  let dir: string;
  const marks: string[] = [];

  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-start-'))));
  afterEach(async () => {
    // Whatever a failed test left running goes now, so that it cannot hold a port for the next one.
    for (const mark of marks.splice(0))
      for (const p of processesWithEnv(MARK, mark)) process.kill(p.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  function start(port: number, emulatorPort: number, name = 'first'): Started {
    const mark = randomUUID();
    marks.push(mark);
    const proc = spawnTs(
      'server/start.ts',
      {
        [MARK]: mark,
        PORT: String(port),
        EMULATOR_PORT: String(emulatorPort),
        SQLITE_PATH: path.join(dir, `${name}.db`),
        EMULATOR_DATA_DIR: path.join(dir, `${name}-emulator`),
        TTS_CACHE_DIR: path.join(dir, `${name}-tts`),
        PROMPTS_DIR: path.join(ROOT, 'assets', 'prompts'),
        LOG_LEVEL: 'warn',
        // As `npm start` runs it: restify's deprecated binding is not the newcomer's business.
        NODE_OPTIONS: '--disable-warning=DEP0111',
      },
      { cwd: dir },
    );
    return { proc, mark, port, emulatorPort };
  }

  async function startReady(): Promise<Started> {
    const s = start(await freePort(), await freePort());
    await s.proc.waitForLine((l) => l.startsWith('Press Ctrl-C to stop'), 90_000);
    return s;
  }

  function emulatorOf(s: Started): number {
    const emulator = processesWithEnv(MARK, s.mark).find((p) => p.cmdline.includes('emulator/main'));
    assert.ok(emulator, `no emulator process among ${JSON.stringify(processesWithEnv(MARK, s.mark))}`);
    return emulator.pid;
  }

  it('prints addresses on PORT and EMULATOR_PORT, and the emulated Teams host frames the tab on PORT', async () => {
    const s = await startReady();
    const printed = s.proc.stdout.join('\n');
    const app = `http://localhost:${s.port}`;
    const emu = `http://localhost:${s.emulatorPort}`;
    assert.match(printed, new RegExp(`app +${app} +\\(health: ${app}/healthz\\)`));
    assert.match(printed, new RegExp(`emulator \\(Graph\\) +https://localhost:${s.emulatorPort} `));
    assert.match(printed, new RegExp(`softphone +${emu}/softphone `));
    assert.match(printed, new RegExp(`tab in Teams host +${emu}/host +\\(frames ${app}/tab/\\)`));
    assert.match(printed, new RegExp(`control API +${emu}/emulator/calls `));
    const defaults = (await (await fetch(`${emu}/host/defaults`)).json()) as { tabUrl: string };
    assert.equal(defaults.tabUrl, `${app}/tab/`);
    const tenant = (await (await fetch(`${emu}/emulator/tenant`)).json()) as {
      apps: Array<{ callingWebhook?: string }>;
    };
    assert.deepEqual(
      tenant.apps.map((a) => a.callingWebhook),
      tenant.apps.map(() => `http://127.0.0.1:${s.port}/api/calls`),
    );
    // The doctor finds both where npm start put them.
    const chunks: string[] = [];
    await doctorMain({
      argv: [],
      cwd: dir,
      root: ROOT,
      processEnv: { PORT: String(s.port), EMULATOR_PORT: String(s.emulatorPort) },
      out: { write: (t: string) => chunks.push(t) },
      commands: () => [],
    });
    assert.match(chunks.join(''), /^✓ \[9\/9\] App and emulator on this machine: the app is ready/m);
    s.proc.child.kill('SIGINT');
    await s.proc.exited();
  });

  it('SIGKILL to the app: the emulator is gone and its port free within 5 s', async () => {
    const s = await startReady();
    const emulator = emulatorOf(s);
    s.proc.child.kill('SIGKILL');
    await s.proc.exited();
    await waitUntil(
      async () => !isAlive(emulator) && (await canBind(s.emulatorPort)),
      5_000,
      `emulator ${emulator} gone and port ${s.emulatorPort} free`,
    );
    assert.deepEqual(processesWithEnv(MARK, s.mark), []);
  });

  it('SIGINT: the app exits 0, the emulator too, and both ports are free within 5 s', async () => {
    const s = await startReady();
    const emulator = emulatorOf(s);
    const sent = Date.now();
    s.proc.child.kill('SIGINT');
    const { code } = await s.proc.exited();
    assert.equal(code, 0, s.proc.stderr.join('\n'));
    await waitUntil(
      async () => !isAlive(emulator) && (await canBind(s.port)) && (await canBind(s.emulatorPort)),
      5_000 - (Date.now() - sent),
      'emulator gone and both ports free',
    );
    assert.deepEqual(processesWithEnv(MARK, s.mark), []);
  });

  it('a second start while the first runs: one line naming PORT, nothing left behind, the first unharmed', async () => {
    const first = await startReady();
    const second = start(first.port, first.emulatorPort, 'second');
    const { code } = await second.proc.exited();
    assert.equal(code, 1);
    assert.deepEqual(second.proc.stderr, [
      `switchboard: failed to start: port ${first.port} is in use: another Switchboard may be running; stop it or set PORT`,
    ]);
    await waitUntil(() => processesWithEnv(MARK, second.mark).length === 0, 5_000, 'second start gone');
    const ready = await fetch(`http://127.0.0.1:${first.port}/readyz`);
    assert.equal(ready.status, 200);
    first.proc.child.kill('SIGINT');
    await first.proc.exited();
  });

  for (const taken of ['PORT', 'EMULATOR_PORT'] as const) {
    it(`${taken} held by another program: one line naming ${taken}, and no emulator left`, async () => {
      const holder: Server = createServer();
      await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
      const held = (holder.address() as { port: number }).port;
      try {
        const s =
          taken === 'PORT' ? start(held, await freePort(), 'held') : start(await freePort(), held, 'held');
        const { code } = await s.proc.exited();
        assert.equal(code, 1);
        assert.equal(s.proc.stderr.length, 1, s.proc.stderr.join('\n'));
        assert.match(
          s.proc.stderr[0] ?? '',
          new RegExp(`port ${held} is in use: .*; stop it or set ${taken}$`),
        );
        await waitUntil(() => processesWithEnv(MARK, s.mark).length === 0, 5_000, 'nothing left');
        const other = taken === 'PORT' ? s.emulatorPort : s.port;
        assert.ok(await canBind(other), `port ${other} still taken`);
      } finally {
        holder.close();
      }
    });
  }
});

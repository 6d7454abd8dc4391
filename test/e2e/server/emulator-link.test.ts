// The emulator started by `npm start`'s code exits by itself within 2 s of its parent's end, however
// the parent ends; started on its own (no parent link) it keeps running when whoever started it is gone.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../helpers/free-port';
import { ROOT, TSX_LOADER, spawnTs } from '../../helpers/process';
import { canBind, isAlive, processesWithEnv, waitUntil } from '../../helpers/process-tree';

const MARK = 'SWITCHBOARD_TEST_MARK';

describe('the emulator and the process that started it (e2e)', function () {
  this.timeout(90_000);
  let dir: string;
  let mark: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-link-'));
    mark = randomUUID();
  });
  afterEach(() => {
    for (const p of processesWithEnv(MARK, mark)) process.kill(p.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  for (const end of ['SIGKILL', 'crash', 'exit'] as const) {
    it(`parent ends by ${end}: the emulator exits and frees its port within 2 s`, async () => {
      const parent = spawnTs('test/e2e/server/emulator-parent.ts', {
        [MARK]: mark,
        PARENT_END: end === 'SIGKILL' ? 'wait' : end,
        EMULATOR_DATA_DIR: dir,
      });
      const line = await parent.waitForLine((l) => l.startsWith('{"emulator"'), 60_000);
      const { emulator, port } = JSON.parse(line) as { emulator: number; port: number };
      assert.ok(isAlive(emulator));
      if (end === 'SIGKILL') parent.child.kill('SIGKILL');
      const { code, signal } = await parent.exited();
      assert.deepEqual(
        { code, signal },
        {
          SIGKILL: { code: null, signal: 'SIGKILL' },
          crash: { code: 1, signal: null },
          exit: { code: 3, signal: null },
        }[end],
      );
      const took = await waitUntil(
        async () => !isAlive(emulator) && (await canBind(port)),
        2_000,
        `emulator ${emulator} gone and port ${port} free`,
      );
      assert.ok(took <= 2_000);
    });
  }

  it('started on its own, it keeps running after the shell that started it has exited', async () => {
    const port = await freePort();
    // The shell backgrounds the emulator, waits until it listens, then exits: the emulator is orphaned,
    // with no channel to anyone.
    const shell = spawn(
      'sh',
      ['-c', `"${process.execPath}" --import "${TSX_LOADER}" emulator/main.ts >/dev/null 2>&1 & read _`],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          [MARK]: mark,
          EMULATOR_PORT: String(port),
          EMULATOR_DATA_DIR: dir,
        },
        stdio: ['pipe', 'ignore', 'ignore'],
      },
    );
    const shellExited = new Promise((r) => shell.once('exit', r));
    await waitUntil(async () => !(await canBind(port)), 60_000, `the emulator listening on ${port}`);
    shell.stdin?.end('\n');
    await shellExited;
    const [emulator] = processesWithEnv(MARK, mark);
    assert.ok(emulator, 'no emulator process found');
    await new Promise((r) => setTimeout(r, 2_500));
    assert.ok(isAlive(emulator.pid), 'a standalone emulator stopped by itself');
    assert.equal(await canBind(port), false);
    const status = await fetch(`http://127.0.0.1:${port}/emulator/tenant`);
    assert.equal(status.status, 200);
  });

  it('a taken EMULATOR_PORT stops it with one line naming the variable', async () => {
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const port = (holder.address() as AddressInfo).port;
    try {
      const emulator = spawnTs('emulator/main.ts', { EMULATOR_PORT: String(port), EMULATOR_DATA_DIR: dir });
      const { code } = await emulator.exited();
      assert.equal(code, 1);
      assert.deepEqual(emulator.stderr, [
        `[emulator] failed to start: port ${port} is in use: another emulator (or npm start) may be running; stop it or set EMULATOR_PORT`,
      ]);
    } finally {
      holder.close();
    }
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeRunning, portFree, processesUnder, type Proc } from '../../../scripts/smoke/procs';

describe('smoke: processes and ports', () => {
  it('finds a process by its working directory, and no longer once it has ended', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'smoke-procs-'));
    const child = spawn('sleep', ['30'], { cwd: dir, stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      assert.deepEqual(
        processesUnder(dir).map((p) => p.pid),
        [child.pid],
      );
      assert.deepEqual(processesUnder(`${dir}-other`), []);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(processesUnder(dir), []);
  });

  it('tells the node process running a script from the shell that started it', () => {
    const procs: Proc[] = [
      { pid: 1, argv: ['sh', '-c', 'npm run build && node dist/server/start.js'], cwd: '/x' },
      { pid: 2, argv: ['/usr/bin/node', '--disable-warning=DEP0111', 'dist/server/start.js'], cwd: '/x' },
      { pid: 3, argv: ['/usr/bin/node', '/x/dist/emulator/main.js'], cwd: '/x' },
    ];
    assert.deepEqual(
      nodeRunning(procs, 'dist/server/start.js').map((p) => p.pid),
      [2],
    );
    assert.deepEqual(
      nodeRunning(procs, 'dist/emulator/main.js').map((p) => p.pid),
      [3],
    );
  });

  it('sees a port as taken while something listens on it', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address && typeof address === 'object');
    assert.equal(await portFree(address.port), false);
    await new Promise((resolve) => server.close(resolve));
    assert.equal(await portFree(address.port), true);
  });
});

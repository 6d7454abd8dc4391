import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startKeyAuthority, type KeyAuthority } from '../../helpers/calling-keys';
import { TEST_APP_ID, TEST_TENANT_ID } from '../../helpers/app';
import { ROOT, spawnTs } from '../../helpers/process';

describe('server process: configuration errors and clean shutdown', () => {
  let dir: string;
  let keys: KeyAuthority;
  before(async () => (keys = await startKeyAuthority({ appId: TEST_APP_ID, tenantId: TEST_TENANT_ID })));
  after(() => keys.close());
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-proc-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('PORT=abc stops with one line naming PORT', async () => {
    const p = spawnTs('server/main.ts', { SWITCHBOARD_MODE: 'local', PORT: 'abc' }, { cwd: dir });
    const { code } = await p.exited();
    assert.equal(code, 1);
    assert.equal(p.stderr.length, 1, `expected one line, got:\n${p.stderr.join('\n')}`);
    assert.match(p.stderr[0] ?? '', /PORT/);
    assert.match(p.stderr[0] ?? '', /integer between 0 and 65535/);
    assert.match(p.stderr[0] ?? '', /"abc"/);
  });

  it('teams mode without credentials fails closed naming the first missing variable', async () => {
    const p = spawnTs('server/main.ts', { PORT: '0' }, { cwd: dir });
    const { code } = await p.exited();
    assert.equal(code, 1);
    assert.match(p.stderr.join('\n'), /MicrosoftAppId is required in teams mode/);
  });

  it('a taken PORT stops with one line naming PORT, and the store is closed again', async () => {
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const port = (holder.address() as AddressInfo).port;
    const db = path.join(dir, 'sb.db');
    try {
      const p = spawnTs(
        'server/main.ts',
        {
          SWITCHBOARD_MODE: 'local',
          PORT: String(port),
          SQLITE_PATH: db,
          CALLING_OPENID_CONFIG_URL: keys.openIdConfigUrl,
          PROMPTS_DIR: path.join(ROOT, 'assets', 'prompts'),
          NODE_OPTIONS: '--disable-warning=DEP0111',
        },
        { cwd: dir },
      );
      const { code } = await p.exited();
      assert.equal(code, 1);
      assert.deepEqual(p.stderr, [
        `switchboard: failed to start: port ${port} is in use: another Switchboard may be running; stop it or set PORT`,
      ]);
      assert.equal(existsSync(`${db}-wal`), false, 'WAL file left behind: the store was not closed');
    } finally {
      holder.close();
    }
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} drains, closes the store and exits 0`, async () => {
      const db = path.join(dir, 'sb.db');
      const p = spawnTs(
        'server/main.ts',
        {
          SWITCHBOARD_MODE: 'local',
          PORT: '0',
          SQLITE_PATH: db,
          CALLING_OPENID_CONFIG_URL: keys.openIdConfigUrl,
          PROMPTS_DIR: path.join(ROOT, 'assets', 'prompts'),
        },
        { cwd: dir },
      );
      const line = await p.waitForLine((l) => l.includes('switchboard listening'));
      const url = (JSON.parse(line) as { url: string }).url;
      const ready = await fetch(`${url}/readyz`);
      assert.equal(ready.status, 200, await ready.text());
      p.child.kill(signal);
      const { code } = await p.exited();
      assert.equal(code, 0);
      assert.ok(p.stdout.some((l) => l.includes('stopped cleanly')));
      // A cleanly closed WAL database has checkpointed and removed its -wal file.
      assert.equal(existsSync(`${db}-wal`), false, 'WAL file left behind: the store was not closed');
      const check = new Database(db, { readonly: true });
      assert.ok(check.prepare("select count(*) as n from sqlite_master where type = 'table'").get());
      check.close();
    });
  }
});

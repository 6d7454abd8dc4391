import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StoreConfigError, openStore } from '../../../store';

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('openStore', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens SQLite when no URL is given, creating the folder, and logs it', async () => {
    const file = path.join(dir, 'nested', 'deeper', 'app.db');
    const logged: string[] = [];
    const store = await openStore({
      databaseUrl: '',
      sqlitePath: file,
      logger: { info: (_o, m) => logged.push(`info ${m}`), warn: (_o, m) => logged.push(`warn ${m}`) },
    });
    try {
      assert.equal(store.kind, 'sqlite');
      assert.ok(existsSync(file));
      assert.deepEqual(logged, ['info store migrations applied', 'info store open']);
      const mode = await store.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      assert.deepEqual(mode, [{ one: 1 }]);
    } finally {
      await store.close();
    }
  });

  it('refuses a DATABASE_URL that is not PostgreSQL instead of falling back to SQLite', async () => {
    const file = path.join(dir, 'never.db');
    await assert.rejects(openStore({ databaseUrl: 'mysql://db/x', sqlitePath: file }), (error: unknown) => {
      assert.ok(error instanceof StoreConfigError);
      assert.equal(error.code, 'STORE_CONFIG');
      assert.match(error.message, /postgres:\/\//);
      return true;
    });
    assert.equal(existsSync(file), false);
  });

  it('fails with STORE_CONFIG when PostgreSQL is unreachable', async () => {
    const port = await closedPort();
    await assert.rejects(
      openStore({
        databaseUrl: `postgresql://nobody@127.0.0.1:${port}/none`,
        sqlitePath: path.join(dir, 'x.db'),
      }),
      (error: unknown) => {
        assert.ok(error instanceof StoreConfigError);
        assert.match(error.message, /Could not prepare the database: .*ECONNREFUSED.*reachable/);
        return true;
      },
    );
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createCallData, openStore } from '../../../store';
import type { StoredCall } from '../../../calling';
import { storedCall } from '../../helpers/stored-call';

const call = (id: string, over: Partial<StoredCall>): StoredCall =>
  storedCall(id, { direction: 'incoming', state: 'established', participants: [], ...over });

describe('migration 0008: live calls whose flow began before flows had keys', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'sb-flowkeys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('binds each live call that has a flow to it, and leaves ended calls and calls without a flow alone', async () => {
    const file = path.join(dir, 'db.sqlite');
    const store = await openStore({ sqlitePath: file });
    const data = createCallData(store);
    await data.calls.insert(call('live', { flow: { kind: 'ivr' } }));
    await data.calls.insert(call('ended', { flow: { kind: 'ivr' }, state: 'terminated', endedAt: 2000 }));
    await data.calls.insert(call('plain', {}));
    await data.calls.insert(call('bound', { flow: { kind: 'ivr' }, flowKey: 'other' }));
    await store.close();
    // As a database from before the migration: the rows are there, the migration not yet applied.
    const db = new BetterSqlite3(file);
    db.prepare("delete from kysely_migration where name >= '0008_flow_keys_of_live_calls'").run();
    db.close();

    const reopened = await openStore({ sqlitePath: file });
    const again = createCallData(reopened);
    const keys = Object.fromEntries(
      await Promise.all(
        ['live', 'ended', 'plain', 'bound'].map(async (id) => [id, (await again.calls.get(id))?.flowKey]),
      ),
    );
    await reopened.close();
    assert.deepEqual(keys, { live: 'live', ended: null, plain: null, bound: 'other' });
  });
});

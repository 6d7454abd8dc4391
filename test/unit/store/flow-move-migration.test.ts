import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createCallData, createFlowData, openStore } from '../../../store';
import type { StoredCall } from '../../../calling';
import { storedCall } from '../../helpers/stored-call';

const call = (id: string, over: Partial<StoredCall>): StoredCall =>
  storedCall(id, { direction: 'incoming', state: 'established', participants: [], ...over });

const position = {
  kind: 'ivr',
  state: { node: 'main', phase: 'collecting' },
  timers: { input: { at: 5000, token: 't1', owner: 'i-1' } },
  tasks: { prompt: 'p1' },
  owners: { prompt: 'i-2' },
  rev: 7,
};

describe('migration 0009: flow positions leave the calls for the flows table', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'sb-flowmove-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("moves each live call's runtime position to a flow keyed by the call, and nothing else", async () => {
    const file = path.join(dir, 'db.sqlite');
    const store = await openStore({ sqlitePath: file });
    const data = createCallData(store);
    await data.calls.insert(call('live', { flow: position }));
    await data.calls.insert(call('ended', { flow: position, state: 'terminated', endedAt: 2000 }));
    await data.calls.insert(call('desk', { flow: { kind: 'frontdesk', decision: {} } }));
    await store.close();
    // As a database from before the migration: the rows are there, the migration not yet applied.
    const db = new BetterSqlite3(file);
    db.prepare("delete from kysely_migration where name >= '0009_flows_of_live_calls'").run();
    db.close();

    const reopened = await openStore({ sqlitePath: file });
    const flows = createFlowData(reopened).flows;
    const moved = await flows.get('live');
    const others = [await flows.get('ended'), await flows.get('desk')];
    const bound = (await createCallData(reopened).calls.get('live'))?.flowKey;
    const lost = await flows.withWorkOutside(new Set(['i-1']));
    await reopened.close();
    assert.deepEqual(
      [moved?.kind, moved?.state, moved?.rev, moved?.timers, moved?.callIds, moved?.doneAt],
      ['ivr', position.state, 7, position.timers, ['live'], null],
    );
    assert.deepEqual([moved?.tasks['prompt']?.token, moved?.tasks['prompt']?.owner], ['p1', 'i-2']);
    assert.deepEqual(others, [undefined, undefined]);
    assert.equal(bound, 'live');
    assert.deepEqual(
      lost.map((f) => f.key),
      ['live'],
      'its task of a dead instance is found by the sweep',
    );
  });
});

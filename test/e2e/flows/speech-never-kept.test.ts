// What a caller says is never kept: a distinctive phrase said through the emulator is recognised (the
// IVR branches on it), and then appears nowhere the app writes: its log output at the most verbose
// level, its database (SQLite files byte for byte, and every row; every row on PostgreSQL) and every
// chat message it posted.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { person, script } from '../calling/harness';
import {
  callApp,
  ended,
  notes,
  pressAt,
  sayAt,
  startFlowsHarness,
  untilNote,
  type FlowsHarness,
} from './flows-harness';

// Words no prompt, config or log line of the app contains.
const UNMATCHED = 'Quixotic zebras from Vlastimil Brodsky';
const BILLING = 'My Xylophonia invoice from Ondine Marchetti';
const NEEDLES = ['quixotic', 'vlastimil', 'brodsky', 'zebras', 'xylophonia', 'ondine', 'marchetti'];

function assertAbsent(where: string, text: string): void {
  const lower = text.toLowerCase();
  for (const n of NEEDLES) assert.equal(lower.indexOf(n), -1, `${where} holds "${n}"`);
}

/** Every row of every table of the app's store, as text. */
async function dumpRows(h: FlowsHarness): Promise<string> {
  const db = h.app.store.db;
  const tables =
    h.app.store.kind === 'postgres'
      ? await sql<{
          name: string;
        }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  let dump = '';
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    dump += JSON.stringify(rows.rows);
  }
  return dump;
}

/** Two calls: a phrase that matches nothing, then the call-back recording (a card); a billing phrase. */
async function speak(h: FlowsHarness): Promise<string[]> {
  const lee = person(h, 'Lee Gu');
  await script(h, lee.id, { onRing: 'answer' });
  const first = await callApp(h, lee.id);
  await sayAt(h, first, 'main', UNMATCHED);
  await untilNote(
    h,
    first,
    /main\/main: heard no choice, attempt 1 of 3/,
    'the phrase was recognised as no choice',
  );
  await pressAt(h, first, 'main', '3');
  await untilNote(h, first, /main\/callback: recording a short answer/, 'the call-back recording');
  await h.emu.control('POST', `/emulator/calls/${first}/say`, { text: UNMATCHED });
  await ended(h, first);
  has(await notes(h, first), /main\/callback: the caller spoke → spoke/);

  const nestor = person(h, 'Nestor Wilke');
  await script(h, nestor.id, { onRing: 'answer' });
  const second = await callApp(h, nestor.id);
  await sayAt(h, second, 'main', BILLING);
  await ended(h, second);
  has(await notes(h, second), /main\/main: heard: billing/);
  // The emulator's side heard the words (so the search below could find them if the app kept them).
  for (const id of [first, second]) {
    const said = JSON.stringify((await h.emu.control('GET', `/emulator/calls/${id}/timeline`)).body);
    assert.ok(said.includes(id === first ? UNMATCHED : BILLING), 'the emulator has the phrase');
  }
  await h.flows.runtime.idle();
  return [first, second];
}

function has(lines: string[], re: RegExp): void {
  assert.ok(
    lines.some((l) => re.test(l)),
    `no line matches ${re}:\n${lines.join('\n')}`,
  );
}

function checkEverywhere(h: FlowsHarness, dump: string, callIds: string[]): void {
  assert.ok(
    callIds.every((id) => dump.includes(id)),
    'the dump covers the calls',
  );
  assertAbsent('the database', dump);
  assert.ok(h.logs.length > 50, `the app logged (${h.logs.length} lines)`);
  assert.ok(
    h.logs.some((l) => l['level'] === 10 || l['level'] === 20),
    'the log holds trace/debug lines',
  );
  assertAbsent('the log output', JSON.stringify(h.logs));
  const cards = h.posted.filter((p) => callIds.includes(p.card.callId ?? ''));
  assert.ok(cards.length >= 1, 'the call-back card was posted');
  assertAbsent('a chat message', JSON.stringify(h.posted));
}

describe('speech is never kept: a distinctive phrase appears nowhere the app writes', function () {
  this.timeout(240_000);

  it('SQLite: the log output, the database files and rows, the chat messages', async () => {
    const h = await startFlowsHarness('test/fixtures/flows/frontdesk-open.yaml', {
      app: { LOG_LEVEL: 'trace' },
    });
    try {
      const ids = await speak(h);
      checkEverywhere(h, await dumpRows(h), ids);
      const files = readdirSync(h.dataDir).filter((f) => f.startsWith('switchboard.db'));
      assert.ok(files.includes('switchboard.db'), `the database file is there: ${files.join(', ')}`);
      for (const f of files) assertAbsent(f, readFileSync(path.join(h.dataDir, f)).toString('latin1'));
    } finally {
      await h.stop();
    }
  });

  it('PostgreSQL: the log output, every row, the chat messages', async () => {
    let pg: TestPostgres | undefined;
    let h: FlowsHarness | undefined;
    try {
      pg = await startPostgres();
      h = await startFlowsHarness('test/fixtures/flows/frontdesk-open.yaml', {
        app: { LOG_LEVEL: 'trace', DATABASE_URL: pg.url },
      });
      assert.equal(h.app.store.kind, 'postgres');
      const ids = await speak(h);
      checkEverywhere(h, await dumpRows(h), ids);
    } finally {
      await h?.stop();
      await pg?.stop();
    }
  });
});

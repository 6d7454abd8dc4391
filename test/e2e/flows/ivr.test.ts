import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { person, script, until } from '../calling/harness';
import {
  callApp,
  ended,
  ivrAt,
  notes,
  pressAt,
  startFlowsHarness,
  untilNote,
  type FlowsHarness,
} from './flows-harness';

const has = (lines: string[], re: RegExp) =>
  assert.ok(
    lines.some((l) => re.test(l)),
    `no line matches ${re}:\n${lines.join('\n')}`,
  );

/** Every file under a folder, with its path relative to it. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe('IVR e2e: the shipped main menu against scripted callers', function () {
  this.timeout(150_000);
  let h: FlowsHarness;

  before(async () => {
    h = await startFlowsHarness('test/fixtures/flows/frontdesk-open.yaml');
  });
  after(async () => h?.stop());

  it('invalid input, then a valid key: the invalid prompt, the menu again, then a transfer to support', async () => {
    const lee = person(h, 'Lee Gu');
    await script(h, lee.id, {
      onRing: 'answer',
      keys: [
        { afterMs: 2500, tones: '9' },
        { afterMs: 5000, tones: '2' },
      ],
    });
    const callId = await callApp(h, lee.id);
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /^front desk: answer into menu main; rule "main menu"/);
    has(lines, /ivr main\/main: invalid entry "9", attempt 1 of 3/);
    has(lines, /ivr main\/main: caller entered "2"/);
    has(lines, /ivr main\/support: transferring to support/);
    has(lines, /ivr main\/support: transfer done/);
    assert.deepEqual(end?.resultInfo, { code: 0, subcode: 7015 });
  });

  it('a silent caller (no key, no word): the menu three times, then the silence path: goodbye and the app hangs up', async () => {
    const nestor = person(h, 'Nestor Wilke');
    await script(h, nestor.id, { onRing: 'answer' });
    const callId = await callApp(h, nestor.id);
    const end = await ended(h, callId, 90_000);
    const lines = await notes(h, callId);
    // The main menu listens for speech as well as keys: silence is "heard nothing".
    has(lines, /main\/main: heard nothing, attempt 1 of 3$/);
    has(lines, /main\/main: heard nothing, attempt 2 of 3$/);
    has(lines, /main\/main: heard nothing, attempt 3 of 3; giving up/);
    has(lines, /main\/goodbye: the menu says so; hanging up/);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 }, 'the app hung up');
  });

  it('multi-digit entry ended by #: extension 1002 reaches Diego', async () => {
    const lidia = person(h, 'Lidia Holloway');
    await script(h, lidia.id, { onRing: 'answer' });
    const callId = await callApp(h, lidia.id);
    await pressAt(h, callId, 'main', '4');
    await pressAt(h, callId, 'extension', '1002#');
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /main\/main: caller entered "4"/);
    has(lines, /main\/extension: caller entered "1002"/);
    has(lines, /main\/extension: transferring to diego/);
    assert.deepEqual(end?.resultInfo, { code: 0, subcode: 7015 });
  });

  it('barge-in: a key during the menu prompt cancels it (cancelMediaProcessing) and acts at once', async () => {
    const grady = person(h, 'Grady Archie');
    await script(h, grady.id, { onRing: 'answer', keys: [{ afterMs: 2000, tones: '0' }] });
    const callId = await callApp(h, grady.id);
    await ended(h, callId);
    const ops = await h.calling.operations(callId);
    const cancel = ops.find((o) => o.kind === 'cancelMediaProcessing');
    assert.ok(cancel, `a cancelMediaProcessing was sent: ${ops.map((o) => o.kind).join(', ')}`);
    const cut = ops.find((o) => o.kind === 'playPrompt' && o.status === 'failed');
    assert.deepEqual(
      cut?.resultInfo && [cut.resultInfo.code, cut.resultInfo.subcode],
      [400, 8508],
      'the menu prompt was cancelled',
    );
    const lines = await notes(h, callId);
    has(lines, /main\/main: caller entered "0"/);
    has(lines, /main\/goodbye: the menu says so; hanging up/);
  });

  it('moves the caller into the stand-up meeting (invite with replacesCallId); their call ends 200/18503', async () => {
    const diego = person(h, 'Diego Siciliani');
    await script(h, diego.id, { onRing: 'answer' });
    const callId = await callApp(h, diego.id);
    await pressAt(h, callId, 'main', '5');
    const end = await ended(h, callId);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 18503 });
    const lines = await notes(h, callId);
    has(lines, /moving the caller into the meeting standup/);
    const meeting = (await h.calling.listCalls({ limit: 20 })).find((c) => c.scenarioId === 'ivr-meeting');
    assert.ok(meeting, 'the app joined the meeting');
    const invite = (await h.calling.operations(meeting.id)).find((o) => o.kind === 'invite');
    assert.ok(invite, 'the caller was invited into the meeting');
    assert.equal((await h.calling.waitForOperation(invite.id, 20_000)).status, 'completed');
    // Once the caller is in, the app leaves the meeting (its own leg only).
    assert.equal(
      (await h.calling.waitForState(meeting.id, 'terminated', 20_000)).end?.resultInfo?.subcode,
      5001,
    );
  });

  it('record and branch: a caller who speaks gets the call-back branch and a card is posted', async () => {
    const megan = person(h, 'Megan Bowen');
    await script(h, megan.id, { onRing: 'answer', speech: [{ afterMs: 300, durationMs: 2000 }] });
    const callId = await callApp(h, megan.id);
    await pressAt(h, callId, 'main', '3');
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /main\/callback: recording a short answer/);
    has(lines, /main\/callback: the caller spoke → spoke/);
    has(lines, /main\/goodbye: the menu says so; hanging up/);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 });
    const card = h.posted.find((p) => p.card.callId === callId);
    assert.equal(card?.target, 'conv-frontdesk');
    assert.match(card?.card.title ?? '', /Call back Megan Bowen/);
  });

  it('record and branch: a silent caller gets "nothing heard" and the menu again; nothing of the recording remains', async () => {
    const alex = person(h, 'Alex Wilber');
    await script(h, alex.id, { onRing: 'answer' });
    const callId = await callApp(h, alex.id);
    await pressAt(h, callId, 'main', '3');
    await untilNote(h, callId, /main\/callback: .* → silent/, 'the silent branch', 45_000);
    await until(async () => (await ivrAt(h, callId)).node === 'main', 'the menu again');
    const emuTimeline = JSON.stringify(
      (await h.emu.control('GET', `/emulator/calls/${callId}/timeline`)).body,
    );
    const location = /"recordingLocation":"([^"]+)"/.exec(emuTimeline)?.[1];
    const token = /"recordingAccessToken":"([^"]+)"/.exec(emuTimeline)?.[1];
    assert.ok(location && token, 'the emulator handed out a recording');
    await h.emu.control('POST', `/emulator/calls/${callId}/hangup`, {});
    await ended(h, callId);
    await h.flows.runtime.idle();

    // The database: every row of every table, as text.
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
      h.app.store.db,
    );
    let dump = '';
    for (const { name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
        h.app.store.db,
      );
      dump += JSON.stringify(rows.rows);
    }
    assert.ok(dump.includes(callId), 'the dump covers the call');
    for (const needle of [
      location!,
      token!,
      'recordingLocation',
      'recordingAccessToken',
      'speechMs',
      'durationMs',
      '"spoke"',
    ])
      assert.ok(!dump.includes(needle), `the database still holds ${needle}`);
    // The data folder: the database files and the text prompts only; no audio but synthesized prompts.
    const files = filesUnder(h.dataDir);
    for (const f of files)
      assert.match(f, /^(switchboard\.db(-wal|-shm)?|tts[/\\][0-9a-f]{64}\.wav)$/, `unexpected file ${f}`);
    for (const f of files.filter((x) => x.startsWith('switchboard'))) {
      const bytes = readFileSync(path.join(h.dataDir, f));
      assert.equal(bytes.indexOf('RIFF'), -1, `${f} holds a WAV`);
      assert.equal(bytes.indexOf(token!), -1, `${f} still holds the recording token`);
      assert.equal(bytes.indexOf(location!), -1, `${f} still holds the recording location`);
    }
  });

  it('survives a restart mid-menu: the app stops while the caller is in the menu, starts again, and the key still works', async () => {
    const adele = person(h, 'Adele Vance');
    await script(h, adele.id, { onRing: 'answer' });
    const callId = await callApp(h, adele.id);
    await until(
      async () => (await ivrAt(h, callId)).phase === 'listening',
      'the menu to wait for a key or a word',
      30_000,
    );
    await h.restart();
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '0' });
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /^ivr: resume$/);
    has(lines, /main\/main: caller entered "0"/);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 });
  });
});

// The shipped config/frontdesk.yaml as a newcomer meets it: the main menu at any hour, the hours rule a
// switched-off example that the front desk card shows with its hours and can switch on.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { frontDeskCard } from '../../../../bot/cards/frontdesk-card';
import {
  decideFrontDesk,
  frontDeskConfigSchema,
  loadFrontDeskConfig,
  loadMenus,
  type FrontDesk,
  type FrontDeskConfig,
} from '../../../../calling';
import { readConfigFile } from '../../../../calling/flows/runtime';
import { createFrontDeskPort } from '../../../../server/bot-ports/frontdesk-port';
import { openStore, type Store } from '../../../../store';
import { cardText } from '../../bot/validate-card';

const ROOT = path.resolve(__dirname, '../../../..');
const FILE = path.join(ROOT, 'config', 'frontdesk.yaml');
const adele = { aadObjectId: 'u-adele', name: 'Adele Vance' };
const diego = { kind: 'user' as const, id: '78377b16-9ba5-4342-9ed8-cf0ae0629405', displayName: 'Diego' };
// 2026-06-07 is a Sunday; Los Angeles is UTC-7 then.
const SUNDAY_3AM_LA = Date.parse('2026-06-07T10:00:00Z');
const MONDAY_10AM_LA = Date.parse('2026-06-08T17:00:00Z');

async function shipped(): Promise<FrontDeskConfig> {
  const draft = await readConfigFile(FILE, frontDeskConfigSchema);
  const menus = await loadMenus(path.join(ROOT, 'config', 'ivr'), {
    directory: { people: draft.people, meetings: draft.meetings },
  });
  return loadFrontDeskConfig(FILE, { menuIds: new Set(menus.keys()), menus });
}

/** The front desk's rules as calling keeps them: the file's until edited. */
function desk(file: FrontDeskConfig): Pick<FrontDesk, 'current' | 'update'> & { config: FrontDeskConfig } {
  const d = {
    config: file,
    version: 0,
    async current() {
      return { config: d.config, version: d.version, source: 'file' as const };
    },
    async update(value: unknown) {
      d.config = frontDeskConfigSchema.parse(value);
      d.version += 1;
      return { version: d.version };
    },
  };
  return d;
}

describe('the shipped front desk', () => {
  let dir: string;
  let store: Store;
  const logger = { info: () => undefined, warn: () => undefined };
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sb-shipped-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers into the main menu on a Sunday at 03:00 in Los Angeles', async () => {
    const d = decideFrontDesk(await shipped(), { caller: diego, at: SUNDAY_3AM_LA, callsInProgress: 0 });
    assert.deepEqual(d.action, { ivr: 'main' }, d.reason);
  });

  it('switching the hours rule on from the chat sends the same moment to the closed path', async () => {
    const d = desk(await shipped());
    const port = createFrontDeskPort({ desk: d, kv: store.kv, logger });
    const before = (await port.listRules()).find((r) => r.id === 'after hours');
    assert.equal(before?.enabled, false, 'the hours rule is shipped switched off');
    await port.setEnabled('after hours', true, adele);
    const now = decideFrontDesk(d.config, { caller: diego, at: SUNDAY_3AM_LA, callsInProgress: 0 });
    assert.equal(now.rule, 'after hours');
    assert.deepEqual(now.action, {
      closed: { prompts: ['closed'], then: { transfer: 'on-call' } },
    });
    const monday = decideFrontDesk(d.config, { caller: diego, at: MONDAY_10AM_LA, callsInProgress: 0 });
    assert.deepEqual(monday.action, { ivr: 'main' }, 'open hours still reach the menu');
  });

  it('the card shows the hours rule with its hours, time zone and whether the desk is open now', async () => {
    const file = await shipped();
    const at = (now: number) =>
      createFrontDeskPort({ desk: desk(file), kv: store.kv, logger, clock: { now: () => now } });
    const sunday = cardText(frontDeskCard(await at(SUNDAY_3AM_LA).listRules(), { alertsHere: true }));
    assert.match(sunday, /after hours\*\* · off/);
    assert.match(sunday, /Mon–Thu 08:00–18:00/);
    assert.match(sunday, /Fri 08:00–17:00/);
    assert.match(sunday, /Sat–Sun closed/);
    assert.match(sunday, /America\/Los_Angeles/);
    assert.match(sunday, /closed now/i);
    assert.doesNotMatch(sunday, /open now/i);
    const monday = cardText(frontDeskCard(await at(MONDAY_10AM_LA).listRules(), { alertsHere: true }));
    assert.match(monday, /open now/i);
    assert.doesNotMatch(monday, /closed now/i);
  });
});

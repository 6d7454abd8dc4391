import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decideFrontDesk, type FrontDesk, type FrontDeskConfig } from '../../../../calling';
import { describeRule, createFrontDeskPort } from '../../../../server/bot-ports/frontdesk-port';
import { openStore, StoreConflictError, type Store } from '../../../../store';

const adele = { aadObjectId: 'u-adele', name: 'Adele Vance' };

const FILE: FrontDeskConfig = {
  people: {},
  meetings: {},
  maxConcurrentCalls: 10,
  rules: [
    {
      name: 'blocked numbers',
      when: { callers: [{ phone: '+1900*' }, { anonymous: true }] },
      then: { reject: 'forbidden' },
    },
    { name: 'after hours', when: { outsideHours: true }, then: { reject: 'busy' } },
    { name: 'main menu', then: { ivr: 'main' } },
  ],
};

/** The front desk's rule store as calling keeps it: the file's rules until edited, versioned edits. */
function desk(): Pick<FrontDesk, 'current' | 'update'> & { config: FrontDeskConfig; version: number } {
  const d = {
    config: FILE,
    version: 0,
    async current() {
      return {
        config: d.config,
        version: d.version,
        source: d.version === 0 ? ('file' as const) : ('store' as const),
      };
    },
    async update(value: unknown, o: { expectedVersion?: number } = {}) {
      if (o.expectedVersion !== undefined && o.expectedVersion !== d.version)
        throw new StoreConflictError('the front desk rules changed');
      d.config = value as FrontDeskConfig;
      d.version += 1;
      return { version: d.version };
    },
  };
  return d;
}

describe('bot ports: the front desk rules with a switch each', () => {
  let dir: string;
  let store: Store;
  const logger = { info: () => undefined, warn: () => undefined };
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sb-frontdesk-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('describes each rule in one line', () => {
    assert.equal(describeRule(FILE.rules[0]!), 'Calls from +1900*, anonymous callers: reject (forbidden)');
    assert.equal(describeRule(FILE.rules[2]!), 'Every other call: answer into menu main');
  });

  it('switching a rule off keeps it in its place, switched off; on again restores it as it was', async () => {
    const d = desk();
    const port = createFrontDeskPort({ desk: d, kv: store.kv, logger });
    assert.deepEqual(
      (await port.listRules()).map((r) => `${r.id}:${r.enabled}`),
      ['blocked numbers:true', 'after hours:true', 'main menu:true'],
    );
    const off = await port.setEnabled('after hours', false, adele);
    assert.equal(off.enabled, false);
    assert.deepEqual(
      d.config.rules.map((r) => `${r.name}:${r.enabled ?? 'default'}`),
      ['blocked numbers:default', 'after hours:false', 'main menu:default'],
    );
    // The front desk skips it: at any hour, the menu answers.
    const at = Date.parse('2026-06-07T03:00:00Z');
    const someone = { kind: 'user' as const, id: 'u-1' };
    assert.equal(decideFrontDesk(d.config, { caller: someone, at, callsInProgress: 0 }).rule, 'main menu');
    assert.deepEqual(
      (await port.listRules()).map((r) => `${r.id}:${r.enabled}`),
      ['blocked numbers:true', 'after hours:false', 'main menu:true'],
    );
    // Another instance over the same rules sees the same switches.
    const other = createFrontDeskPort({ desk: d, kv: store.kv, logger });
    await other.setEnabled('blocked numbers', false, adele);
    await port.setEnabled('after hours', true, adele);
    await port.setEnabled('blocked numbers', true, adele);
    assert.deepEqual(d.config.rules, FILE.rules);
    assert.equal(
      (await port.listRules()).every((r) => r.enabled),
      true,
    );
  });

  it('rules an earlier version set aside in the store show as off in their place and move into the rules', async () => {
    const d = desk();
    d.config = { ...FILE, rules: [FILE.rules[0]!, FILE.rules[2]!] };
    await store.kv.put('bot-frontdesk', 'switched-off', { rules: [{ at: 1, rule: FILE.rules[1] }] });
    const port = createFrontDeskPort({ desk: d, kv: store.kv, logger });
    assert.deepEqual(
      (await port.listRules()).map((r) => `${r.id}:${r.enabled}`),
      ['blocked numbers:true', 'after hours:false', 'main menu:true'],
    );
    await port.setEnabled('blocked numbers', false, adele);
    assert.deepEqual(
      d.config.rules.map((r) => `${r.name}:${r.enabled ?? 'default'}`),
      ['blocked numbers:false', 'after hours:false', 'main menu:default'],
    );
    assert.equal(await store.kv.get('bot-frontdesk', 'switched-off'), undefined);
    await port.setEnabled('after hours', true, adele);
    assert.deepEqual(
      (await port.listRules()).map((r) => `${r.id}:${r.enabled}`),
      ['blocked numbers:false', 'after hours:true', 'main menu:true'],
    );
  });

  it('refuses to switch off the last rule in force, and names an unknown rule', async () => {
    const d = desk();
    const port = createFrontDeskPort({ desk: d, kv: store.kv, logger });
    await port.setEnabled('blocked numbers', false, adele);
    await port.setEnabled('after hours', false, adele);
    await assert.rejects(port.setEnabled('main menu', false, adele), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'frontdesk_last_rule');
      return true;
    });
    await assert.rejects(
      port.setEnabled('no such rule', true, adele),
      (e: Error & { code?: string }) => e.code === 'frontdesk_rule_unknown',
    );
  });

  it('an edit made meanwhile is reported, and no rule is lost', async () => {
    const d = desk();
    const port = createFrontDeskPort({ desk: d, kv: store.kv, logger });
    const update = d.update;
    d.update = async () => {
      throw new StoreConflictError('the front desk rules changed');
    };
    await assert.rejects(port.setEnabled('after hours', false, adele), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'frontdesk_changed');
      return true;
    });
    d.update = update;
    assert.deepEqual(
      (await port.listRules()).map((r) => `${r.id}:${r.enabled}`),
      ['blocked numbers:true', 'after hours:true', 'main menu:true'],
    );
    assert.deepEqual(d.config, FILE, 'the rules are as they were');
  });
});

import assert from 'node:assert/strict';
import { ConfigFileError, type FrontDeskConfig } from '../../../calling';
import { StoreConflictError } from '../../../store';
import { person, script, until } from '../calling/harness';
import {
  callApp,
  ended,
  ivrAt,
  notes,
  promptsPlayed,
  startFlowsHarness,
  type FlowsHarness,
} from './flows-harness';

const has = (lines: string[], re: RegExp) =>
  assert.ok(
    lines.some((l) => re.test(l)),
    `no line matches ${re}:\n${lines.join('\n')}`,
  );
const CLOSED_ALL_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('front desk e2e: rules on incoming calls from scripted callers', function () {
  this.timeout(120_000);
  let h: FlowsHarness;
  let base: FrontDeskConfig;

  before(async () => {
    h = await startFlowsHarness('test/fixtures/flows/frontdesk-base.yaml');
    base = (await h.flows.frontDesk.current()).config;
  });
  after(async () => h?.stop());
  afterEach(async () => h.flows.frontDesk.reset());

  const rules = (r: FrontDeskConfig['rules'], extra: Partial<FrontDeskConfig> = {}) =>
    h.flows.frontDesk.update({ ...base, ...extra, rules: r });

  it('blocks a person and a phone number pattern: both rejected, the reason in the timeline', async () => {
    const nestor = person(h, 'Nestor Wilke');
    const henrietta = person(h, 'Henrietta Mueller');
    await rules([
      {
        name: 'blocked',
        when: { callers: [{ user: nestor.id }, { phone: '+1425555010?' }] },
        then: { reject: 'forbidden' },
      },
      { name: 'menu', then: { ivr: 'main' } },
    ]);
    const a = await callApp(h, nestor.id);
    await ended(h, a);
    has(
      await notes(h, a),
      /^front desk: reject \(forbidden\); rule "blocked": caller Nestor Wilke .* matches \{"user"/,
    );
    const account = (h.emu.tenant as { resourceAccounts: Array<{ phone: string }> }).resourceAccounts[0]!;
    const b = await callApp(h, henrietta.id, account.phone);
    await ended(h, b);
    has(
      await notes(h, b),
      /^front desk: reject \(forbidden\); rule "blocked": caller \+14255550104 matches \{"phone":"\+1425555010\?"\}/,
    );
    assert.equal(
      (await h.calling.getCall(b))?.end?.resultInfo,
      undefined,
      'a rejected call ends without a result code',
    );
  });

  it('redirects a named caller to a named person, who takes the call', async () => {
    const megan = person(h, 'Megan Bowen');
    await rules([
      {
        name: 'ceo to reception',
        when: { callers: ['ceo'] },
        then: { redirect: 'reception', timeoutSeconds: 20 },
      },
      { name: 'menu', then: { ivr: 'main' } },
    ]);
    const id = await callApp(h, megan.id);
    const end = await ended(h, id);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 7000 });
    has(
      await notes(h, id),
      /^front desk: redirect to reception; rule "ceo to reception": caller Megan Bowen/,
    );
  });

  it('outside business hours: the closed message, then the app hangs up', async () => {
    const lee = person(h, 'Lee Gu');
    await script(h, lee.id, { onRing: 'answer' });
    await rules(
      [
        {
          name: 'after hours',
          when: { outsideHours: true },
          then: { closed: { prompts: ['closed'], then: 'hangUp' } },
        },
        { name: 'menu', then: { ivr: 'main' } },
      ],
      { hours: { timeZone: 'Europe/Berlin', weekly: CLOSED_ALL_WEEK, holidays: [] } },
    );
    const id = await callApp(h, lee.id);
    const end = await ended(h, id);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 }, 'the app hung up');
    has(
      await notes(h, id),
      /^front desk: closed message, then hang up; rule "after hours": closed: \w+ \d\d:\d\d Europe\/Berlin \(hours: closed all day\)/,
    );
    const played = await promptsPlayed(h, id);
    assert.ok(
      played.some((u) => u.endsWith('/prompts/closed.wav')),
      played.join(', '),
    );
  });

  it('outside business hours: the closed message, then a transfer to the on-call person', async () => {
    const lidia = person(h, 'Lidia Holloway');
    await script(h, lidia.id, { onRing: 'answer' });
    await rules(
      [
        {
          name: 'after hours',
          when: { outsideHours: true },
          then: { closed: { prompts: ['closed'], then: { transfer: 'on-call' } } },
        },
        { name: 'menu', then: { ivr: 'main' } },
      ],
      { hours: { timeZone: 'UTC', weekly: CLOSED_ALL_WEEK, holidays: [] } },
    );
    const id = await callApp(h, lidia.id);
    const end = await ended(h, id);
    assert.deepEqual(end?.resultInfo, { code: 0, subcode: 7015 }, 'transferred');
    const lines = await notes(h, id);
    has(lines, /^front desk: closed message, then transfer to on-call/);
    has(lines, /transfer done/);
  });

  it('over the concurrent-call limit: busy; under it: answered into the menu', async () => {
    const adele = person(h, 'Adele Vance');
    const diego = person(h, 'Diego Siciliani');
    await script(h, adele.id, { onRing: 'answer' });
    await rules(
      [
        { name: 'too many calls', when: { overCapacity: true }, then: { reject: 'busy' } },
        { name: 'menu', then: { ivr: 'main' } },
      ],
      { maxConcurrentCalls: 1 },
    );
    const first = await callApp(h, adele.id);
    await until(async () => (await ivrAt(h, first)).node === 'main', 'the first caller in the menu');
    has(await notes(h, first), /^front desk: answer into menu main; rule "menu": caller Adele Vance/);
    const second = await callApp(h, diego.id);
    await ended(h, second);
    has(
      await notes(h, second),
      /^front desk: reject \(busy\); rule "too many calls": 1 incoming call\(s\) in progress, the limit is 1/,
    );
    await h.emu.control('POST', `/emulator/calls/${first}/hangup`, {});
    await ended(h, first);
  });

  it('rules edited at run time are validated (file-free errors name the key), versioned, and reset to the file', async () => {
    await assert.rejects(
      rules([{ name: 'x', then: { ivr: 'nope' } }]),
      (err: unknown) =>
        err instanceof ConfigFileError && /rules\[0\]\.then\.ivr: there is no menu "nope"/.test(err.message),
    );
    await assert.rejects(
      h.flows.frontDesk.update({ ...base, rules: [{ name: 'x', then: { reject: 'maybe' } }] }),
      (err: unknown) => err instanceof ConfigFileError && /rules\[0\]\.then/.test(err.message),
    );
    const { version } = await rules([{ name: 'menu', then: { ivr: 'main' } }]);
    assert.equal((await h.flows.frontDesk.current()).source, 'store');
    await assert.rejects(
      h.flows.frontDesk.update({ ...base }, { expectedVersion: version - 1 }),
      (err: unknown) => err instanceof StoreConflictError,
    );
    const preview = await h.flows.frontDesk.preview({ kind: 'user', id: 'someone' });
    assert.equal(preview.rule, 'menu');
    await h.flows.frontDesk.reset();
    const now = await h.flows.frontDesk.current();
    assert.deepEqual([now.source, now.version], ['file', 0]);
  });
});

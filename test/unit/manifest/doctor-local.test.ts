// The doctor in local mode (what `npm start` runs without MicrosoftAppId): it checks what can be checked
// on this machine, lists each Teams-only check as not run with the reason, and never sends a person
// back and forth between modes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DOCTOR_CHECKS,
  configCheck,
  frontDeskCheck,
  localRunningCheck,
  manifestCheck,
  runDoctor,
  type DoctorContext,
  type HttpAnswer,
  type HttpClient,
} from '../../../manifest';
import { readConfig } from '../../../server';

const ROOT = path.join(__dirname, '../../..');
const SHIPPED_MENUS = path.join(ROOT, 'config', 'ivr');

function fakeHttp(routes: Record<string, HttpAnswer>): HttpClient {
  return async (url: string) => {
    const hit = Object.entries(routes).find(([k]) => url.startsWith(k));
    if (!hit) throw Object.assign(new Error(`connect ECONNREFUSED ${url}`), { code: 'ECONNREFUSED' });
    return hit[1];
  };
}
const answer = (status: number, text = ''): HttpAnswer => ({ status, headers: {}, text });

function local(env: Record<string, string> = {}, http: HttpClient = fakeHttp({})): DoctorContext {
  return { cwd: ROOT, root: ROOT, env, http, commands: () => [], mode: 'local' };
}

describe('doctor in local mode', () => {
  describe('configuration', () => {
    it('passes with nothing set, saying where npm start runs the app and the emulator', async () => {
      const c = local({ PORT: '4978', EMULATOR_PORT: '4979' });
      const f = await configCheck.run(c);
      assert.equal(f.status, 'ok', f.summary);
      assert.match(
        f.summary,
        /^local mode: npm start runs the app at http:\/\/localhost:4978 and the emulator on port 4979/,
      );
      assert.equal(c.config?.SWITCHBOARD_MODE, 'local');
    });

    it('names a bad EMULATOR_PORT, and never advises switching modes', async () => {
      const f = await configCheck.run(local({ EMULATOR_PORT: 'x' }));
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /^EMULATOR_PORT must be an integer/);
      assert.doesNotMatch(`${f.summary} ${f.fix}`, /SWITCHBOARD_MODE/);
    });
  });

  describe('front desk and IVR menus', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-doctor-fd-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const withConfig = (c: DoctorContext) => ({
      ...c,
      config: readConfig({ ...c.env, SWITCHBOARD_MODE: 'local' }),
    });

    it('loads the shipped files by default', async () => {
      const f = await frontDeskCheck.run(withConfig(local()));
      assert.equal(f.status, 'ok', `${f.summary}\n${f.details?.join('\n')}`);
      assert.match(f.summary, /config\/frontdesk\.yaml: \d+ rules.*; 1 IVR menu in .*config\/ivr \(main\)/);
    });

    it('names the file and the key of a problem', async () => {
      const file = path.join(dir, 'frontdesk.yaml');
      const open = readFileSync(path.join(ROOT, 'test', 'fixtures', 'flows', 'frontdesk-open.yaml'), 'utf8');
      writeFileSync(file, open.replace('then: { ivr: main }', 'then: { ivr: lobby }'));
      const f = await frontDeskCheck.run(
        withConfig(local({ FRONTDESK_CONFIG: file, IVR_DIR: SHIPPED_MENUS })),
      );
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /frontdesk\.yaml is not valid/);
      assert.ok(
        f.details?.some((d) => /rules\[0\]\.then\.ivr: there is no menu "lobby"/.test(d)),
        f.details?.join('\n'),
      );
    });

    it('in teams mode without FRONTDESK_CONFIG, warns that no incoming call is answered', async () => {
      const env = {
        MicrosoftAppId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
        MicrosoftAppPassword: 's',
        MicrosoftAppTenantId: '7c1f0d2a-1111-2222-3333-444455559f11',
        PUBLIC_URL: 'https://switchboard.example.com',
      };
      const f = await frontDeskCheck.run({ ...local(env), mode: 'teams', config: readConfig(env) });
      assert.equal(f.status, 'warn');
      assert.match(f.fix ?? '', /FRONTDESK_CONFIG=.*config\/frontdesk\.yaml/);
    });
  });

  describe('app and emulator on this machine', () => {
    const env = { PORT: '4978', EMULATOR_PORT: '4979' };
    const run = (http: HttpClient) =>
      localRunningCheck.run({
        ...local(env, http),
        config: readConfig({ ...env, SWITCHBOARD_MODE: 'local' }),
      });

    it('neither running: a warning that says how to have them checked', async () => {
      const f = await run(fakeHttp({}));
      assert.equal(f.status, 'warn');
      assert.match(f.fix ?? '', /npm start/);
    });

    it('an emulator without its app: the leftover that would make npm start fail', async () => {
      const f = await run(fakeHttp({ 'http://127.0.0.1:4979/emulator/tenant': answer(200, '{}') }));
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /an emulator answers on port 4979 but no app on PORT 4978/);
    });

    it('both answering: ready', async () => {
      const f = await run(
        fakeHttp({
          'http://127.0.0.1:4979/emulator/tenant': answer(200, '{}'),
          'http://127.0.0.1:4978/readyz': answer(200, '{"status":"ready"}'),
        }),
      );
      assert.equal(f.status, 'ok', f.summary);
    });
  });

  it('builds the manifest with stand-ins for the values only a Teams setup has, and says so', async () => {
    const commands = () => [{ title: 'help', description: 'This list.', scopes: ['personal' as const] }];
    const f = await manifestCheck.run({ ...local(), commands });
    assert.equal(f.status, 'ok', f.details?.join('\n'));
    assert.match(
      f.summary,
      /with stand-ins for MicrosoftAppId and PUBLIC_URL; npm run package needs your own/,
    );
  });

  it('lists every Teams-only check as not run with its reason, and is all clear without them', async () => {
    const chunks: string[] = [];
    const c = local({ PORT: '4978', EMULATOR_PORT: '4979' });
    const { ok, results } = await runDoctor(c, { write: (s: string) => chunks.push(s) });
    const text = chunks.join('');
    assert.equal(ok, true, text);
    const off = results.filter((r) => r.finding.status === 'off').map((r) => r.id);
    assert.deepEqual(off, ['entra-token', 'graph-permissions', 'access-policy', 'public-url']);
    for (const r of results.filter((x) => x.finding.status === 'off'))
      assert.match(
        text,
        new RegExp(`– \\[\\d/9\\] ${r.title.replace(/[()]/g, '\\$&')}: not checked in local mode: \\w`),
      );
    assert.equal(results.length, DOCTOR_CHECKS.length);
    assert.match(
      text,
      /All clear \(1 warning\): 4 of 5 checks passed\.\n4 Teams check\(s\) not run in local mode/,
    );
    assert.doesNotMatch(text, /SWITCHBOARD_MODE=/);
  });
});

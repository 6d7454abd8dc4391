// `doctor` against the emulator and the real app behind an https tunnel: all clear with a good
// configuration; a missing Graph role and a missing application access policy are both reported.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { doctorMain, REQUIRED_GRAPH_ROLES } from '../../../manifest';
import { startApp, type TestApp } from '../../helpers/app';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator';
import { openTunnel, type Tunnel } from './tls-tunnel';

const ROOT = path.join(__dirname, '../../..');
const PROMPTS = path.join(__dirname, '../../fixtures/manifest/prompts/good');
const HOST = 'switchboard.test';
const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172'; // covered by the seeded access policy
const JOHANNA = '26ac7d24-184d-4632-a0c6-d69a864c95d2'; // not covered
const COMMANDS = [
  { title: 'help', description: 'What I can do', scopes: ['personal', 'team', 'groupChat'] as const },
].map((c) => ({ ...c, scopes: [...c.scopes] }));

describe('doctor against the emulator (e2e)', function () {
  this.timeout(90_000);
  let emu: RunningEmulator;
  let tunnel: Tunnel;
  let app: TestApp;
  let cwd: string;
  let settings: Record<string, string>;

  before(async () => {
    emu = await startEmulator();
    tunnel = await openTunnel(HOST);
    settings = {
      SWITCHBOARD_MODE: 'teams',
      MicrosoftAppId: emu.appId,
      MicrosoftAppPassword: emu.appSecret,
      MicrosoftAppTenantId: emu.tenantId,
      PUBLIC_URL: `https://${HOST}:${tunnel.port}`,
      GRAPH_BASE_URL: `${emu.url}/v1.0`,
      ENTRA_AUTHORITY_HOST: emu.url,
      CALLING_OPENID_CONFIG_URL: `${emu.url}/calling/v1/.well-known/OpenIdConfiguration`,
      PROMPTS_DIR: PROMPTS,
    };
    app = await startApp({ ...settings, EXTRA_CA_FILE: emu.caPath, LOG_LEVEL: 'warn' });
    tunnel.target = app.port;
    // The doctor reads its configuration from .env in its working folder, like `npm run doctor`.
    cwd = await mkdtemp(path.join(os.tmpdir(), 'sb-doctor-'));
    await writeFile(path.join(cwd, 'trusted-cas.pem'), `${emu.ca}\n${tunnel.caPem}`);
    const env = { ...settings, EXTRA_CA_FILE: 'trusted-cas.pem' };
    await writeFile(
      path.join(cwd, '.env'),
      Object.entries(env)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
  });

  after(async () => {
    await app?.stop();
    await tunnel?.stop();
    await emu?.stop();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  afterEach(async () => {
    await emu.control('PATCH', `/emulator/apps/${emu.appId}`, {
      graphRoles: REQUIRED_GRAPH_ROLES.map((r) => r.role),
    });
  });

  async function doctor(
    ...argv: string[]
  ): Promise<{ code: number; text: string; line: (title: string) => string }> {
    const chunks: string[] = [];
    const code = await doctorMain({
      argv,
      cwd,
      root: ROOT,
      processEnv: {},
      hosts: { [HOST]: '127.0.0.1' },
      out: { write: (s: string) => chunks.push(s) },
      commands: () => COMMANDS,
    });
    const text = chunks.join('');
    const line = (title: string) =>
      text.split('\n').find((l) => l.includes(`] ${title}:`)) ?? `(no line for ${title})`;
    return { code, text, line };
  }

  it('reports all clear with a good configuration', async () => {
    const { code, text, line } = await doctor('--user', ADELE);
    for (const title of [
      'Configuration',
      'App token from Entra ID',
      'Graph application permissions',
      'Application access policy (online meetings)',
      'PUBLIC_URL reaches the app',
      'Teams app manifest',
      'Prompt WAV files',
    ])
      assert.match(line(title), /^✓ /, text);
    assert.equal(code, 0, text);
    assert.match(text, /All clear/);
  });

  it('without --user tests the policy for the first user the directory lists, and finds it by UPN', async () => {
    const first = await doctor();
    assert.match(
      first.line('Application access policy (online meetings)'),
      /^✓ .*for user [0-9a-f-]{36}$/,
      first.text,
    );
    const byUpn = await doctor('--user', 'johanna.lorenz@contoso.example');
    assert.match(
      byUpn.line('Application access policy (online meetings)'),
      new RegExp(`^✗ .*${JOHANNA}`),
      byUpn.text,
    );
  });

  it('reports a missing Graph role, names it and how to grant it', async () => {
    const roles = REQUIRED_GRAPH_ROLES.map((r) => r.role).filter((r) => r !== 'Calls.AccessMedia.All');
    await emu.control('PATCH', `/emulator/apps/${emu.appId}`, { graphRoles: roles });
    const { code, text, line } = await doctor('--user', ADELE);
    assert.equal(code, 1, text);
    assert.match(
      line('Graph application permissions'),
      new RegExp(
        `^✗ .*1 of ${REQUIRED_GRAPH_ROLES.length} application permissions missing.*Calls\\.AccessMedia\\.All`,
      ),
    );
    assert.match(text, /Calls\.AccessMedia\.All: keypad menus/);
    assert.match(text, /Grant admin consent/);
    assert.match(line('App token from Entra ID'), /^✓ /);
  });

  it('reports a missing application access policy with the PowerShell steps', async () => {
    const { code, text, line } = await doctor('--user', JOHANNA);
    assert.equal(code, 1, text);
    assert.match(
      line('Application access policy (online meetings)'),
      /^✗ .*no application access policy/,
      text,
    );
    assert.match(
      text,
      new RegExp(`Grant-CsApplicationAccessPolicy -PolicyName Switchboard-Meetings -Identity "${JOHANNA}"`),
    );
  });

  it('reports a missing role and a missing policy in one run', async () => {
    const roles = REQUIRED_GRAPH_ROLES.map((r) => r.role).filter((r) => r !== 'Presence.Read.All');
    await emu.control('PATCH', `/emulator/apps/${emu.appId}`, { graphRoles: roles });
    const { code, text, line } = await doctor('--user', JOHANNA);
    assert.equal(code, 1, text);
    assert.match(line('Graph application permissions'), /^✗ .*Presence\.Read\.All/);
    assert.match(
      line('Application access policy (online meetings)'),
      /^✗ .*no application access policy/,
      text,
    );
  });
});

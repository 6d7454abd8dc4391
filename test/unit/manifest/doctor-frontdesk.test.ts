import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOCTOR_CHECKS, frontDeskCheck, type DoctorContext } from '../../../manifest';
import { readConfig } from '../../../server';

const ROOT = path.join(__dirname, '../../..');
const TEAMS = {
  SWITCHBOARD_MODE: 'teams',
  MicrosoftAppId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: '7c1f0d2a-1111-2222-3333-444455559f11',
  PUBLIC_URL: 'https://switchboard.example.com',
};

function ctx(env: Record<string, string>): DoctorContext {
  return {
    cwd: ROOT,
    root: ROOT,
    env,
    http: async () => {
      throw new Error('the front desk check needs no network');
    },
    commands: () => [],
    mode: env.SWITCHBOARD_MODE === 'local' ? 'local' : 'teams',
    config: readConfig(env),
  };
}

describe('doctor: the front desk', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sb-doctor-fd-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is one of the checks the doctor runs', () => {
    assert.ok(DOCTOR_CHECKS.includes(frontDeskCheck));
  });

  it('warns when no front desk is configured, saying what callers get and what to set', async () => {
    const f = await frontDeskCheck.run(ctx(TEAMS));
    assert.equal(f.status, 'warn');
    assert.match(f.summary, /FRONTDESK_CONFIG is not set/);
    assert.match(f.summary, /not set up yet/);
    assert.match(f.fix ?? '', /FRONTDESK_CONFIG=/);
  });

  it('passes a valid rules file, counting its rules and menus', async () => {
    const f = await frontDeskCheck.run(
      ctx({ ...TEAMS, FRONTDESK_CONFIG: 'test/fixtures/flows/frontdesk-base.yaml', IVR_DIR: 'config/ivr' }),
    );
    assert.equal(f.status, 'ok', f.summary);
    assert.match(f.summary, /1 rule\b.*1 IVR menu/);
  });

  it("warns that the shipped example names the emulator's people in teams mode, not in local mode", async () => {
    const teams = await frontDeskCheck.run(ctx({ ...TEAMS, FRONTDESK_CONFIG: './config/frontdesk.yaml' }));
    assert.equal(teams.status, 'warn');
    assert.match(teams.summary, /emulator/);
    assert.match(teams.summary, /5 rules \(1 switched off: after hours\)/);
    const local = await frontDeskCheck.run(ctx({ SWITCHBOARD_MODE: 'local' }));
    assert.equal(local.status, 'ok', local.summary);
    assert.match(local.summary, /config[/\\]frontdesk\.yaml/);
    assert.match(local.summary, /1 queue \(support\)/);
  });

  it('fails on a bad queues file, naming the line and the key', async () => {
    const bad = path.join(dir, 'queues.yaml');
    writeFileSync(bad, 'queues:\n  help:\n    agents: [nobody]\n    afterMaxWait: message\n');
    const f = await frontDeskCheck.run(
      ctx({ ...TEAMS, FRONTDESK_CONFIG: 'test/fixtures/flows/frontdesk-base.yaml', QUEUES_CONFIG: bad }),
    );
    assert.equal(f.status, 'fail');
    assert.match(f.summary, /queues\.yaml is not valid/);
    assert.deepEqual(
      f.details?.map((d) => d.replace(/^.*queues\.yaml/, 'queues.yaml')),
      [
        `queues.yaml:3 queues.help.agents[0]: "nobody" is not in the front desk's people:`,
        `queues.yaml:4 queues.help.afterMaxWait: needs the queue's "message:" (what to play and whom to notify)`,
      ],
    );
  });

  it('fails on a bad rules file, naming the line and the key', async () => {
    const bad = path.join(dir, 'frontdesk.yaml');
    writeFileSync(bad, 'rules:\n  - name: x\n    then: { redirect: nobody }\n');
    const menus = path.join(dir, 'ivr');
    mkdirSync(menus, { recursive: true });
    const f = await frontDeskCheck.run(ctx({ ...TEAMS, FRONTDESK_CONFIG: bad, IVR_DIR: menus }));
    assert.equal(f.status, 'fail');
    assert.match(f.summary, /frontdesk\.yaml is not valid/);
    assert.ok(
      f.details?.some((d) =>
        /frontdesk\.yaml:3 rules\[0\]\.then\.redirect: "nobody" is not in people:/.test(d),
      ),
      f.details?.join('\n'),
    );
  });
});

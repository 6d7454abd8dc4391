// `npm run doctor` with what a newcomer has: no credentials (or SWITCHBOARD_MODE=local). It checks local
// mode, says which Teams checks it leaves out, and finds an emulator left running without its app.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { doctorMain } from '../../../manifest';
import { startEmulator } from '../../helpers/emulator';
import { freePort } from '../../helpers/free-port';

const ROOT = path.join(__dirname, '../../..');
const COMMANDS = () => [{ title: 'help', description: 'What I can do', scopes: ['personal' as const] }];

describe('doctor in local mode (e2e)', function () {
  this.timeout(60_000);
  let cwd: string;
  beforeEach(async () => (cwd = await mkdtemp(path.join(os.tmpdir(), 'sb-doctor-local-'))));
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  async function doctor(processEnv: Record<string, string>): Promise<{ code: number; text: string }> {
    const chunks: string[] = [];
    const code = await doctorMain({
      argv: [],
      cwd,
      root: ROOT,
      processEnv,
      out: { write: (s: string) => chunks.push(s) },
      commands: COMMANDS,
    });
    return { code, text: chunks.join('') };
  }

  for (const how of ['nothing configured', 'SWITCHBOARD_MODE=local in .env'] as const) {
    it(`${how}: all clear on the local checks, the Teams ones named as not run, no advice to switch modes`, async () => {
      if (how !== 'nothing configured') await writeFile(path.join(cwd, '.env'), 'SWITCHBOARD_MODE=local\n');
      const { code, text } = await doctor({
        PORT: String(await freePort()),
        EMULATOR_PORT: String(await freePort()),
        // The doctor reads relative paths from its working folder, as the app does; this one is empty.
        PROMPTS_DIR: path.join(ROOT, 'assets', 'prompts'),
      });
      assert.equal(code, 0, text);
      assert.match(text, /^✓ \[1\/9\] Configuration: local mode/m);
      assert.match(text, /^– \[2\/9\] App token from Entra ID: not checked in local mode: /m);
      assert.match(text, /^✓ \[8\/9\] Front desk \(incoming calls\) and IVR menus: /m);
      assert.match(text, /^! \[9\/9\] App and emulator on this machine: not running/m);
      assert.doesNotMatch(text, /SWITCHBOARD_MODE=(local|teams)/);
    });
  }

  it('finds an emulator running without its app (what makes the next npm start fail)', async () => {
    const emu = await startEmulator();
    try {
      const port = new URL(emu.httpUrl).port;
      const { code, text } = await doctor({ PORT: String(await freePort()), EMULATOR_PORT: port });
      assert.equal(code, 1, text);
      assert.match(
        text,
        new RegExp(
          `^✗ \\[9/9\\] App and emulator on this machine: an emulator answers on port ${port} but no app`,
          'm',
        ),
      );
    } finally {
      await emu.stop();
    }
  });
});

// `npm run package` as a person runs it: its own process, configuration from the environment.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkColorIcon, checkOutlineIcon, readZip, validateAgainstSchema } from '../../../manifest';
import { ROOT, TSX_LOADER } from '../../helpers/process';

const APP_ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

function runPackage(env: Record<string, string>, out: string) {
  const r = spawnSync(process.execPath, ['--import', TSX_LOADER, 'manifest/package-cli.ts', '--out', out], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run package (e2e)', function () {
  this.timeout(90_000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'sb-package-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a zip with a valid manifest and both icons', async () => {
    const out = path.join(dir, 'ok.zip');
    const r = runPackage({ MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://switchboard.example.com' }, out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /✓ .*ok\.zip: manifest 1\.30/);
    const entries = new Map(readZip(readFileSync(out)).map((e) => [e.name, e.data]));
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as Record<
      string,
      unknown
    >;
    assert.equal(manifest.id, APP_ID);
    assert.deepEqual(await validateAgainstSchema(manifest), []);
    assert.deepEqual(checkColorIcon(entries.get('color.png') ?? Buffer.alloc(0)), []);
    assert.deepEqual(checkOutlineIcon(entries.get('outline.png') ?? Buffer.alloc(0)), []);
  });

  it('stops with exit status 1 and names the field when the input is broken', () => {
    const out = path.join(dir, 'bad.zip');
    const r = runPackage({ MicrosoftAppId: '1234', PUBLIC_URL: 'https://switchboard.example.com' }, out);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bots\[0\]\.botId: "1234" is not a GUID/);
    assert.match(r.stderr, /^ {2}id: "1234" is not a GUID/m);
    assert.equal(existsSync(out), false);
    const missing = runPackage({ MicrosoftAppId: APP_ID }, out);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /PUBLIC_URL: is not set/);
  });
});

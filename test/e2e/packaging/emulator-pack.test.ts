// The emulator as other projects get it: `npm pack` of emulator/, installed from the tarball into an
// empty folder outside the repository, started there with npx and driven there through its kit. What
// the tarball holds is checked too: the emulator's build and docs, nothing else of the repository.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../helpers/free-port';
import { canBind, processesWithEnv, waitUntil } from '../../helpers/process-tree';
import { install, pack, run, typecheckConsumer, userEnv } from './npm';

const EMULATOR_DIR = path.resolve(__dirname, '..', '..', '..', 'emulator');
const MARK = 'SWITCHBOARD_PACK_TEST';
// The repository's compiler as a tool; what it compiles is the installed package's declarations.

/** Whether a packed file is the emulator's: its package.json and docs, or its build of emulator/ files. */
function fromEmulator(file: string): boolean {
  if (['package.json', 'README.md', 'CONTROL.md', 'LICENSE'].includes(file)) return true;
  if (!file.startsWith('dist/')) return false;
  const rel = file.slice('dist/'.length);
  const source = rel.replace(/(\.d\.ts|\.js)$/, '.ts');
  return (
    existsSync(path.join(EMULATOR_DIR, rel)) ||
    (source !== rel && existsSync(path.join(EMULATOR_DIR, source)))
  );
}

async function json(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  return (await res.json()) as Record<string, unknown>;
}

describe('the emulator as an npm package', function () {
  this.timeout(60_000);
  const mark = randomUUID();
  let work: string;
  let consumer: string;
  let packed: { tarball: string; files: string[] };

  before(async function () {
    // Building, packing and installing from the registry (or npm's cache) take a while on a busy machine.
    this.timeout(300_000);
    work = await mkdtemp(path.join(os.tmpdir(), 'emulator-pack-'));
    packed = await pack(EMULATOR_DIR, work);
    consumer = path.join(work, 'consumer');
    await mkdir(consumer);
    await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await install(consumer, packed.tarball);
  });

  after(async () => {
    for (const left of processesWithEnv(MARK, mark)) process.kill(left.pid, 'SIGKILL');
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("packs only the emulator's files: its build, its docs and package.json", () => {
    assert.deepEqual(
      packed.files.filter((f) => !fromEmulator(f)),
      [],
    );
    assert.deepEqual(
      packed.files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
      [],
      'no sources',
    );
    for (const needed of [
      'dist/main.js',
      'dist/kit/index.js',
      'dist/kit/index.d.ts',
      'dist/seed/tenant.json',
      'dist/csdl/metadata/v1.0.csdl.gz',
      'dist/pages/softphone/index.html',
      'dist/host/page/index.html',
    ])
      assert.ok(packed.files.includes(needed), `${needed} is packed`);
  });

  it('starts with npx and --port, serves its OpenID documents and keys, and stops on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = path.join(work, 'npx-data');
    const npx = spawn(
      'npx',
      ['--yes=false', '@switchboard/emulator', '--port', String(port), '--data-dir', dataDir],
      {
        cwd: consumer,
        env: userEnv({ [MARK]: mark }),
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: npm runs the command through a shell and passes no signal on to it.
        detached: true,
      },
    );
    const stderr: string[] = [];
    createInterface({ input: npx.stderr }).on('line', (l) => stderr.push(l));
    const exited = new Promise<void>((resolve) => npx.once('exit', () => resolve()));
    const ready = await new Promise<{ port: number; caPath: string; tenantId: string }>((resolve, reject) => {
      npx.once('exit', (code) =>
        reject(new Error(`npx exited (${code}) before ready:\n${stderr.join('\n')}`)),
      );
      createInterface({ input: npx.stdout }).on('line', (line) => {
        if (line.includes('"emulator":"ready"')) resolve(JSON.parse(line));
      });
    });
    try {
      assert.equal(ready.port, port);
      assert.equal(path.dirname(ready.caPath), dataDir, '--data-dir was followed');
      const base = `http://127.0.0.1:${port}`;
      const openid = await json(`${base}/${ready.tenantId}/v2.0/.well-known/openid-configuration`);
      assert.equal(openid.jwks_uri, `https://localhost:${port}/${ready.tenantId}/discovery/v2.0/keys`);
      const keys = await json(`${base}/${ready.tenantId}/discovery/v2.0/keys`);
      assert.ok(Array.isArray(keys.keys) && keys.keys.length > 0, JSON.stringify(keys));
      const calling = await json(`${base}/calling/v1/keys`);
      assert.ok(Array.isArray(calling.keys) && calling.keys.length > 0, JSON.stringify(calling));
    } finally {
      process.kill(-npx.pid!, 'SIGTERM');
    }
    await exited;
    await waitUntil(() => processesWithEnv(MARK, mark).length === 0, 5_000, 'the emulator stops');
    assert.equal(await canBind(port), true, `port ${port} is free again`);
  });

  it('lets a script import the kit, start it and place a call that a scripted person answers', async () => {
    const script = path.join(consumer, 'place-call.mjs');
    await copyFile(path.join(__dirname, 'consumer', 'place-call.mjs'), script);
    const out = await run(process.execPath, [script], consumer, 50_000);
    const seen = JSON.parse(out.trim().split('\n').pop() ?? '') as Record<string, unknown>;
    const installed = path.join(consumer, 'node_modules', '@switchboard', 'emulator');
    assert.ok(String(seen.kit).startsWith(`file://${installed}/`), `kit loaded from ${String(seen.kit)}`);
    assert.equal(seen.waited, 'established', out);
    assert.deepEqual(seen.notified, ['establishing', 'established']);
    assert.equal(seen.state, 'established');
    assert.equal(
      JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')).name,
      '@switchboard/emulator',
    );
  });

  it("compiles a TypeScript user's test against the kit's declarations, and keeps the internals out", async () => {
    await copyFile(path.join(__dirname, 'consumer', 'kit-types.ts'), path.join(consumer, 'kit-types.ts'));
    await typecheckConsumer(consumer, ['kit-types.ts'], [], 50_000);
  });
});

import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ManifestError,
  buildAppPackage,
  checkColorIcon,
  checkOutlineIcon,
  commandLimits,
  readZip,
  validateAgainstSchema,
  writeAppPackage,
  type CommandDescription,
  type Problem,
} from '../../../manifest';

const ROOT = path.join(__dirname, '../../..');
const TEMPLATE = path.join(ROOT, 'manifest', 'appPackage');
const ICONS = path.join(__dirname, '../../fixtures/manifest/icons');
const APP_ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const ENV = { MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://switchboard.example.com/' };
const COMMANDS: CommandDescription[] = [
  { title: 'help', description: 'What I can do', scopes: ['personal', 'team', 'groupChat'] },
  { title: 'call', description: 'call <person>: place a 1:1 call', scopes: ['personal', 'groupChat'] },
];

async function problemsOf(run: () => Promise<unknown>): Promise<readonly Problem[]> {
  try {
    await run();
  } catch (e) {
    assert.ok(e instanceof ManifestError, `expected ManifestError, got ${String(e)}`);
    return e.problems;
  }
  assert.fail('the build accepted broken input');
}

/** A copy of the template folder whose files can be replaced. */
function templateCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-manifest-'));
  for (const f of ['manifest.json', 'color.png', 'outline.png'])
    copyFileSync(path.join(TEMPLATE, f), path.join(dir, f));
  return dir;
}

describe('manifest build', () => {
  let tmp: string[] = [];
  afterEach(() => {
    for (const d of tmp) rmSync(d, { recursive: true, force: true });
    tmp = [];
  });

  it('fills the template: ids, URLs, validDomains, SSO resource, version, calling bot', async () => {
    const { manifest } = await buildAppPackage({ cwd: ROOT, env: ENV, commands: COMMANDS });
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(manifest.manifestVersion, '1.30');
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.version, pkg.version);
    const bot = manifest.bots?.[0];
    assert.equal(bot?.botId, APP_ID);
    assert.equal(bot?.supportsCalling, true);
    assert.equal(bot?.supportsVideo, true);
    assert.deepEqual(bot?.scopes, ['personal', 'team', 'groupChat']);
    assert.deepEqual(manifest.validDomains, ['switchboard.example.com']);
    assert.equal(manifest.staticTabs?.[0]?.contentUrl, 'https://switchboard.example.com/tab/');
    assert.deepEqual(manifest.staticTabs?.[0]?.scopes, ['personal']);
    const tab = manifest.configurableTabs?.[0];
    for (const ctx of ['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab'] as const)
      assert.ok(tab?.context?.includes(ctx), `configurable tab lacks ${ctx}`);
    assert.deepEqual(manifest.webApplicationInfo, {
      id: APP_ID,
      resource: `api://switchboard.example.com/${APP_ID}`,
    });
    const rsc = manifest.authorization?.permissions?.resourceSpecific?.map((p) => `${p.name}/${p.type}`);
    assert.deepEqual(rsc, [
      'OnlineMeeting.ReadBasic.Chat/Application',
      'ChannelMeeting.ReadBasic.Group/Application',
      'Calls.JoinGroupCalls.Chat/Application',
      'Calls.AccessMedia.Chat/Application',
    ]);
    assert.equal(JSON.stringify(manifest).includes('${{'), false, 'a placeholder survived');
  });

  it('generates one commandList per scope from the commands, in order', async () => {
    const { manifest } = await buildAppPackage({ cwd: ROOT, env: ENV, commands: COMMANDS });
    assert.deepEqual(manifest.bots?.[0]?.commandLists, [
      {
        scopes: ['personal'],
        commands: [
          { title: 'help', description: 'What I can do' },
          { title: 'call', description: 'call <person>: place a 1:1 call' },
        ],
      },
      { scopes: ['team'], commands: [{ title: 'help', description: 'What I can do' }] },
      {
        scopes: ['groupChat'],
        commands: [
          { title: 'help', description: 'What I can do' },
          { title: 'call', description: 'call <person>: place a 1:1 call' },
        ],
      },
    ]);
  });

  it('writes a zip whose manifest validates against the schema and whose icons have the right sizes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-pkg-'));
    tmp.push(dir);
    const out = path.join(dir, 'appPackage.zip');
    const res = await writeAppPackage({ cwd: ROOT, env: ENV, commands: COMMANDS, outFile: out });
    assert.equal(res.path, out);
    const entries = new Map(readZip(readFileSync(out)).map((e) => [e.name, e.data]));
    assert.deepEqual([...entries.keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '') as Record<
      string,
      unknown
    >;
    assert.deepEqual(await validateAgainstSchema(manifest), []);
    assert.deepEqual(checkColorIcon(entries.get('color.png') ?? Buffer.alloc(0)), []);
    assert.deepEqual(checkOutlineIcon(entries.get('outline.png') ?? Buffer.alloc(0)), []);
  });

  it('a bad GUID fails naming the fields and the variable', async () => {
    const problems = await problemsOf(() =>
      buildAppPackage({ cwd: ROOT, env: { ...ENV, MicrosoftAppId: 'not-a-guid' }, commands: COMMANDS }),
    );
    const fields = problems.map((p) => p.field).sort();
    assert.deepEqual(fields, ['bots[0].botId', 'id', 'webApplicationInfo.id']);
    for (const p of problems) assert.match(p.message, /"not-a-guid" is not a GUID.*\(from MicrosoftAppId\)/);
  });

  it('a missing PUBLIC_URL fails naming it and the fields that need it', async () => {
    const problems = await problemsOf(() =>
      buildAppPackage({ cwd: ROOT, env: { MicrosoftAppId: APP_ID }, commands: COMMANDS }),
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.field, 'PUBLIC_URL');
    assert.match(problems[0]?.message ?? '', /is not set/);
    for (const f of ['staticTabs[0].contentUrl', 'validDomains[0]', 'webApplicationInfo.resource'])
      assert.ok(problems[0]?.message.includes(f), `message does not name ${f}`);
  });

  it('webApplicationInfo.resource follows TAB_API_AUDIENCE when it is set', async () => {
    const resource = `api://switchboard.example.com/botid-${APP_ID}`;
    const { manifest } = await buildAppPackage({
      cwd: ROOT,
      env: { ...ENV, TAB_API_AUDIENCE: resource },
      commands: COMMANDS,
    });
    assert.equal(manifest.webApplicationInfo?.resource, resource);
    const problems = await problemsOf(() =>
      buildAppPackage({
        cwd: ROOT,
        env: { ...ENV, TAB_API_AUDIENCE: 'api://elsewhere.example/x' },
        commands: COMMANDS,
      }),
    );
    assert.deepEqual(problems, [
      {
        field: 'webApplicationInfo.resource',
        message: 'host "elsewhere.example" is not listed in validDomains (from TAB_API_AUDIENCE)',
      },
    ]);
  });

  it('a missing MicrosoftAppId is reported once, with every field that needs it', async () => {
    const problems = await problemsOf(() =>
      buildAppPackage({ cwd: ROOT, env: { PUBLIC_URL: ENV.PUBLIC_URL }, commands: COMMANDS }),
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.field, 'MicrosoftAppId');
    assert.match(
      problems[0]?.message ?? '',
      /id, bots\[0\]\.botId, webApplicationInfo\.id, webApplicationInfo\.resource/,
    );
  });

  it('an http or local PUBLIC_URL is refused', async () => {
    for (const url of ['http://switchboard.example.com', 'https://localhost:3978']) {
      const problems = await problemsOf(() =>
        buildAppPackage({ cwd: ROOT, env: { ...ENV, PUBLIC_URL: url }, commands: COMMANDS }),
      );
      assert.equal(problems[0]?.field, 'PUBLIC_URL', url);
    }
  });

  it('an icon of the wrong size fails naming icons.color / icons.outline', async () => {
    const dir = templateCopy();
    tmp.push(dir);
    copyFileSync(path.join(ICONS, 'color-100.png'), path.join(dir, 'color.png'));
    copyFileSync(path.join(ICONS, 'outline-48.png'), path.join(dir, 'outline.png'));
    const problems = await problemsOf(() =>
      buildAppPackage({ cwd: ROOT, env: ENV, commands: COMMANDS, templateDir: dir }),
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['icons.color', 'icons.outline'],
    );
    assert.match(problems[0]?.message ?? '', /100x100.*192x192/);
  });

  it('schema errors name the field (unknown property, bad enum, too long)', async () => {
    const dir = templateCopy();
    tmp.push(dir);
    const t = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
      bots: Array<Record<string, unknown>>;
      name: Record<string, unknown>;
    };
    t.bots[0] = { ...t.bots[0], supportsCaling: true, scopes: ['personal', 'meeting'] };
    t.name.short = 'A name that is far longer than thirty characters';
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(t));
    const problems = await problemsOf(() =>
      buildAppPackage({ cwd: ROOT, env: ENV, commands: [], templateDir: dir }),
    );
    const fields = problems.map((p) => p.field);
    assert.ok(fields.includes('bots[0].supportsCaling'), fields.join());
    assert.ok(fields.includes('bots[0].scopes[1]'), fields.join());
    assert.ok(fields.includes('name.short'), fields.join());
  });

  it('more commands in one scope than the schema allows are refused, once', async () => {
    const many: CommandDescription[] = Array.from({ length: commandLimits().commands + 1 }, (_, i) => ({
      title: `c${i}`,
      description: 'x',
      scopes: ['personal'],
    }));
    const problems = await problemsOf(() => buildAppPackage({ cwd: ROOT, env: ENV, commands: many }));
    assert.deepEqual(
      problems.map((p) => p.field),
      ['bots[0].commandLists[0].commands'],
    );
  });

  it('a template that is not JSON names manifest.json', async () => {
    const dir = templateCopy();
    tmp.push(dir);
    writeFileSync(path.join(dir, 'manifest.json'), '{ "id": ');
    const problems = await problemsOf(() =>
      buildAppPackage({ cwd: ROOT, env: ENV, commands: [], templateDir: dir }),
    );
    assert.equal(problems[0]?.field, 'manifest.json');
  });
});

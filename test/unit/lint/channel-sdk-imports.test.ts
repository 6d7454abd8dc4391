// The lint configuration itself: only bot/botbuilder/ may import the channel SDK (botbuilder and its
// botframework-* packages), so a move to another SDK stays a change of that folder.
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../..');
const RULE = 'no-restricted-imports';
const OUTSIDE = ['bot/x.ts', 'bot/live/x.ts', 'server/x.ts', 'test/unit/bot/x.ts'];
const INSIDE = 'bot/botbuilder/x.ts';
const FILES = [...OUTSIDE, INSIDE];
const SDK = ['botbuilder', 'botbuilder-core', 'botframework-connector/lib/auth', '@microsoft/agents-hosting'];

let eslint: ESLint | undefined;

async function restricted(filePath: string, spec: string): Promise<string[]> {
  // The snippets are not files on disk: the project service lets them into a default program.
  eslint ??= new ESLint({
    cwd: ROOT,
    overrideConfig: {
      files: FILES,
      languageOptions: { parserOptions: { projectService: { allowDefaultProject: FILES } } },
    },
  });
  const source = `import * as sdk from '${spec}';\nexport const used = sdk;\n`;
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, filePath) });
  assert.ok(result, 'ESLint returned no result');
  assert.deepEqual(
    result.messages.filter((m) => m.fatal),
    [],
    'the snippet must parse',
  );
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('lint: only bot/botbuilder/ imports the channel SDK', function () {
  // Type-aware linting builds a TypeScript program the first time.
  this.timeout(120_000);

  for (const file of OUTSIDE) {
    it(`${file}: every SDK package is reported`, async () => {
      for (const spec of SDK) {
        const found = await restricted(file, spec);
        assert.equal(found.length, 1, `${spec}: expected one report, got ${JSON.stringify(found)}`);
        assert.match(found[0] ?? '', /Only bot\/botbuilder\/ imports the channel SDK/);
      }
    });
  }

  it(`${INSIDE}: the adapter folder may import botbuilder`, async () => {
    for (const spec of SDK) assert.deepEqual(await restricted(INSIDE, spec), [], spec);
  });

  it('bot/x.ts: the adapter folder itself, imported by path, is not mistaken for the package', async () => {
    assert.deepEqual(await restricted('bot/x.ts', './botbuilder'), []);
  });
});

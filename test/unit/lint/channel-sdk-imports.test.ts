// The lint configuration itself: only bot/botbuilder/ may import the channel SDK (botbuilder and its
// botframework-* packages), so a move to another SDK stays a change of that folder.
import assert from 'node:assert/strict';
import { lintSnippet } from '../../helpers/lint-snippet';

const RULE = 'no-restricted-imports';
const OUTSIDE = ['bot/x.ts', 'bot/live/x.ts', 'server/x.ts', 'test/unit/bot/x.ts'];
const INSIDE = 'bot/botbuilder/x.ts';
const SDK = ['botbuilder', 'botbuilder-core', 'botframework-connector/lib/auth', '@microsoft/agents-hosting'];

async function restricted(filePath: string, spec: string): Promise<string[]> {
  const source = `import * as sdk from '${spec}';\nexport const used = sdk;\n`;
  const messages = await lintSnippet(filePath, source);
  return messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
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

// The lint configuration itself: store/ is the package @switchboard/storage-sql, so besides its own files
// it imports calling (through its index, which its build turns into @switchboard/calling), kysely, the
// database drivers and Node's built-ins, and nothing else of the app or of node_modules.
import assert from 'node:assert/strict';
import { lintSnippet } from '../../helpers/lint-snippet';

const RULE = 'switchboard/boundaries';

async function reports(source: string): Promise<string[]> {
  const messages = await lintSnippet('store/x.ts', source);
  return messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const importOf = (spec: string) => `import * as m from '${spec}';\nexport const used = m;\n`;
const typeImportOf = (spec: string) => `import type * as m from '${spec}';\nexport type Used = typeof m;\n`;

describe('lint: store/ imports only calling, kysely, the drivers and node built-ins', function () {
  // Type-aware linting builds a TypeScript program the first time.
  this.timeout(120_000);

  it('store/x.ts: an app folder other than calling is reported, imported for values or for types', async () => {
    for (const folder of ['server', 'bot', 'teams-tab/api', 'manifest', 'time', 'tts-espeak']) {
      for (const source of [importOf(`../${folder}`), typeImportOf(`../${folder}`)]) {
        const found = await reports(source);
        assert.equal(found.length, 1, `${folder}: expected one report, got ${JSON.stringify(found)}`);
        assert.match(found[0] ?? '', /^store\/ is the package @switchboard\/storage-sql: it imports nothing/);
      }
    }
  });

  it('store/x.ts: a package that is not one of its dependencies is reported', async () => {
    for (const spec of ['botbuilder', 'pino', 'zod', '@switchboard/calling', 'fs']) {
      const found = await reports(importOf(spec));
      assert.equal(found.length, 1, `${spec}: expected one report, got ${JSON.stringify(found)}`);
      assert.match(found[0] ?? '', new RegExp(`may not import '${spec}'`));
    }
  });

  it('store/x.ts: calling through its index, its own files, kysely, the drivers and node: pass', async () => {
    for (const spec of ['../calling', './types', 'kysely', 'better-sqlite3', 'pg', 'node:path']) {
      assert.deepEqual(await reports(importOf(spec)), [], spec);
    }
  });

  it("store/x.ts: a file inside calling is reported: the package build knows calling's index only", async () => {
    const [message, ...more] = await reports(importOf('../calling/storage'));
    assert.deepEqual(more, []);
    assert.match(message ?? '', /import calling through its index\.ts/);
  });
});

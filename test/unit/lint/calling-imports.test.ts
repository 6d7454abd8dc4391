// The lint configuration itself: calling/ imports none of the app's folders (store, server, bot, the tab,
// the manifest, the emulator, the time helpers), so it can be published as a package; it depends on
// interfaces it defines (calling/storage), which the app's store implements.
import assert from 'node:assert/strict';
import { lintSnippet } from '../../helpers/lint-snippet';

const RULE = 'switchboard/boundaries';
const APP_FOLDERS = [
  'store',
  'server',
  'bot',
  'teams-tab/api',
  'teams-tab/web/src/x',
  'manifest',
  'emulator',
  'time',
  'tts-espeak',
  'scripts',
];

async function reports(filePath: string, source: string): Promise<string[]> {
  const messages = await lintSnippet(filePath, source);
  return messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const importOf = (spec: string) => `import * as m from '${spec}';\nexport const used = m;\n`;
const typeImportOf = (spec: string) => `import type * as m from '${spec}';\nexport type Used = typeof m;\n`;

describe('lint: calling/ imports none of the app folders', function () {
  // Type-aware linting builds a TypeScript program the first time.
  this.timeout(120_000);

  it('calling/x.ts: every app folder is reported, imported for values or for types', async () => {
    for (const folder of APP_FOLDERS) {
      for (const source of [importOf(`../${folder}`), typeImportOf(`../${folder}`)]) {
        const found = await reports('calling/x.ts', source);
        assert.equal(found.length, 1, `${folder}: expected one report, got ${JSON.stringify(found)}`);
        assert.match(found[0] ?? '', /^calling\/? must not import/);
      }
    }
  });

  it("calling/x.ts: a file inside an app folder is reported too, and names calling's own interface", async () => {
    const [message, ...more] = await reports('calling/x.ts', importOf('../store/types'));
    assert.deepEqual(more, []);
    assert.match(message ?? '', /calling\/ must not import store\/.*calling\/storage/);
  });

  it('calling/x.ts: a dynamic import of an app folder is reported', async () => {
    const source = `export const load = (): Promise<unknown> => import('../store');\n`;
    assert.equal((await reports('calling/x.ts', source)).length, 1);
  });

  it('calling/ may import itself: its storage interface, its core and its own time helpers', async () => {
    assert.deepEqual(await reports('calling/x.ts', importOf('./storage')), []);
    assert.deepEqual(await reports('calling/x.ts', importOf('./core')), []);
    assert.deepEqual(await reports('calling/flows/tts/x.ts', importOf('../../time')), []);
  });
});

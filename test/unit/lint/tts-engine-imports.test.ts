// The lint configuration itself: calling/ is MIT and imports no text-to-speech engine (the GPL eSpeak NG
// package, by name or by path, nor espeak-ng itself); server/ is where the engine is chosen and passed in.
import assert from 'node:assert/strict';
import { lintSnippet } from '../../helpers/lint-snippet';

const ENGINE = /calling\/ is MIT and imports no text-to-speech engine/;

async function reported(filePath: string, spec: string, rule: string): Promise<string[]> {
  const source = `import * as engine from '${spec}';\nexport const used = engine;\n`;
  const messages = await lintSnippet(filePath, source);
  return messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('lint: calling/ imports no text-to-speech engine', function () {
  // Type-aware linting builds a TypeScript program the first time.
  this.timeout(120_000);

  const IN_CALLING: ReadonlyArray<readonly [string, string]> = [
    ['calling/x.ts', 'espeak-ng'],
    ['calling/x.ts', '@switchboard/tts-espeak'],
    ['calling/x.ts', '@switchboard/tts-espeak/package.json'],
    ['calling/x.ts', '../tts-espeak'],
    ['calling/flows/tts/x.ts', '../../../tts-espeak/espeak'],
    ['calling/flows/tts/x.ts', 'espeak-ng'],
  ];
  for (const [file, spec] of IN_CALLING) {
    it(`${file}: '${spec}' is reported`, async () => {
      const found = await reported(file, spec, 'no-restricted-imports');
      assert.equal(found.length, 1, `expected one report, got ${JSON.stringify(found)}`);
      assert.match(found[0] ?? '', ENGINE);
    });
  }

  it('calling/x.ts: the channel SDK is still reported there (its own block does not drop that rule)', async () => {
    const found = await reported('calling/x.ts', 'botbuilder', 'no-restricted-imports');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0] ?? '', /Only bot\/botbuilder\/ imports the channel SDK/);
  });

  it("calling/x.ts: calling's own text prompt interface is not mistaken for the engine", async () => {
    assert.deepEqual(await reported('calling/x.ts', './flows/tts', 'no-restricted-imports'), []);
  });

  it('server/x.ts: the app may import the engine, by path or by package name', async () => {
    for (const spec of ['../tts-espeak', '@switchboard/tts-espeak']) {
      assert.deepEqual(await reported('server/x.ts', spec, 'no-restricted-imports'), [], spec);
      assert.deepEqual(await reported('server/x.ts', spec, 'switchboard/boundaries'), [], spec);
    }
  });

  it('tts-espeak/x.ts: the package imports nothing of the app', async () => {
    const found = await reported('tts-espeak/x.ts', '../calling', 'switchboard/boundaries');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0] ?? '', /tts-espeak is a package of its own/);
  });
});

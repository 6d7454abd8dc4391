// The shipped prompts carry what they say (RIFF INFO), as assets/prompts/README.md's table says it, and
// still pass the app's format check; scripts/tag-prompts.ts writes that text reproducibly.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkPrompts, readWavTags } from '../../../calling/prompts';
import { encodeWav } from '../../../calling/flows/tts';
import { promptTexts, tagPrompts } from '../../../scripts/tag-prompts';

const PROMPTS = path.resolve(__dirname, '..', '..', '..', 'assets', 'prompts');
const readme = () => readFileSync(path.join(PROMPTS, 'README.md'), 'utf8');
const wavs = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.wav'));

describe('shipped prompts and scripts/tag-prompts.ts', () => {
  it('reads what each prompt says from the README table', () => {
    const texts = promptTexts(readme());
    assert.equal(texts.get('welcome.wav'), 'Welcome to Switchboard.');
    assert.equal(
      texts.get('menu.wav'),
      'For sales, press 1. For support, press 2. To leave a message, press 3.',
    );
    assert.deepEqual([...texts.keys()].sort(), wavs(PROMPTS).sort(), 'one row per shipped file');
  });

  it('every shipped prompt carries its words (ICMT) and name (INAM), and still passes the format check', async () => {
    const texts = promptTexts(readme());
    for (const file of wavs(PROMPTS)) {
      const tags = readWavTags(readFileSync(path.join(PROMPTS, file)));
      assert.equal(tags.ICMT, texts.get(file), `${file} says what the README says`);
      assert.equal(tags.INAM, file.replace(/\.wav$/, ''), `${file} is named`);
    }
    assert.deepEqual(
      (await checkPrompts(PROMPTS)).sort(),
      wavs(PROMPTS)
        .map((f) => f.slice(0, -4))
        .sort(),
    );
  });

  it('tags untagged copies, changes nothing the second time, and names a file the table misses', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-tag-prompts-'));
    try {
      const silent = encodeWav(new Float32Array(800), 16000);
      writeFileSync(path.join(dir, 'welcome.wav'), silent);
      copyFileSync(path.join(PROMPTS, 'goodbye.wav'), path.join(dir, 'goodbye.wav'));
      const table =
        '| File | Says |\n|---|---|\n| `welcome.wav` | "Hello there." |\n| `goodbye.wav` | "Thank you for calling. Goodbye." |\n';
      assert.deepEqual(await tagPrompts(dir, table), ['welcome.wav']);
      assert.deepEqual(readWavTags(readFileSync(path.join(dir, 'welcome.wav'))), {
        INAM: 'welcome',
        ICMT: 'Hello there.',
      });
      assert.deepEqual(await tagPrompts(dir, table), [], 'a second run changes nothing');
      writeFileSync(path.join(dir, 'extra.wav'), silent);
      await assert.rejects(tagPrompts(dir, table), /extra\.wav has no row/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPromptResourceIds, promptResourceId } from '../../../../calling/prompts';

// A name-based (version 5) UUID: 8-4-4-4-12 hex, version nibble 5, RFC variant.
const V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('calling/prompts resourceId: one id per prompt content', () => {
  it('is a name-based UUID of the bytes: the same bytes always give the same id', () => {
    const id = promptResourceId(Buffer.from('RIFF one prompt'));
    assert.match(id, V5);
    // Worked out independently (Python's uuid.uuid5 over the SHA-256 hex of the bytes, same namespace):
    // a change of namespace or hashing would make every cached prompt be fetched again.
    assert.equal(id, '8f71050b-864b-5990-97a2-363e58c95303');
    assert.equal(promptResourceId(Buffer.from('RIFF one prompt')), id);
    assert.notEqual(promptResourceId(Buffer.from('RIFF one prompt!')), id);
  });

  describe('for the prompts the app serves', () => {
    let dir: string;
    const base = 'https://app.example/prompts';
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'sb-prompt-ids-'));
      await mkdir(path.join(dir, 'tts'));
      for (const name of ['welcome', 'menu'])
        await copyFile(path.join('assets', 'prompts', `${name}.wav`), path.join(dir, `${name}.wav`));
      await copyFile(path.join('assets', 'prompts', 'welcome.wav'), path.join(dir, 'tts', 'abc123.wav'));
    });
    afterEach(async () => rm(dir, { recursive: true, force: true }));

    const resolver = () =>
      createPromptResourceIds([
        { baseUrl: base, dir },
        { baseUrl: `${base}/tts/`, dir: path.join(dir, 'tts') },
      ]);

    it('gives the same content the same id, across restarts and folders, and different content another', async () => {
      const ids = resolver();
      const welcome = await ids(`${base}/welcome.wav`);
      const menu = await ids(`${base}/menu.wav`);
      assert.match(welcome ?? '', V5);
      assert.match(menu ?? '', V5);
      assert.notEqual(welcome, menu);
      assert.equal(welcome, promptResourceId(await readFile(path.join(dir, 'welcome.wav'))));
      assert.equal(await ids(`${base}/tts/abc123.wav`), welcome, 'same bytes in the text-prompt folder');
      const restarted = resolver();
      assert.equal(await restarted(`${base}/welcome.wav`), welcome);
      assert.equal(await restarted(`${base}/menu.wav`), menu);
    });

    it('follows a prompt file that is replaced', async () => {
      const ids = resolver();
      const before = await ids(`${base}/menu.wav`);
      const file = path.join(dir, 'menu.wav');
      await writeFile(file, Buffer.concat([await readFile(file), Buffer.alloc(32)]));
      const later = new Date(Date.now() + 5000);
      await utimes(file, later, later);
      const after = await ids(`${base}/menu.wav`);
      assert.match(after ?? '', V5);
      assert.notEqual(after, before);
    });

    it('gives none for media it does not serve or cannot read', async () => {
      const ids = resolver();
      assert.equal(await ids('https://cdn.example/prompts/welcome.wav'), undefined);
      assert.equal(await ids(`${base}/missing.wav`), undefined);
      assert.equal(await ids(`${base}/..%2Fsecret.wav`), undefined);
      assert.equal(await ids(`${base}/tts/../welcome.wav`), undefined);
      assert.equal(await ids(`${base}/welcome.wav?x=1`), undefined);
    });
  });
});

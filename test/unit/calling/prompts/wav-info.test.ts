// The app's INFO chunk writer and reader: what a prompt says travels inside its WAV, and the file stays
// one Graph plays (and one an independent reader, Python's wave module, reads the same).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promptProblem, readWavFormat, readWavTags, withWavTags } from '../../../../calling/prompts';
import { encodeWav } from '../../../../calling/flows/tts';

const plain = () =>
  encodeWav(
    Float32Array.from({ length: 1600 }, (_, i) => Math.sin(i / 5) / 2),
    16000,
  );

/** A chunk as bytes: id, size, body, pad byte when the body is odd. */
function chunk(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'ascii');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, Buffer.alloc(body.length % 2)]);
}

describe('prompt WAV INFO tags (app side)', () => {
  it('writes the words after the audio, keeping the canonical 44-byte header and the audio', () => {
    const wav = plain();
    const tagged = withWavTags(wav, { ICMT: 'Welcome to Switchboard.', ISFT: 'espeak-ng:en-us:165' });
    assert.deepEqual(tagged.subarray(8, 44), wav.subarray(8, 44), 'fmt and data headers unchanged');
    assert.deepEqual(tagged.subarray(44, wav.length), wav.subarray(44), 'audio unchanged');
    assert.equal(tagged.readUInt32LE(4), tagged.length - 8, 'RIFF size covers the new chunk');
    assert.equal(tagged.toString('ascii', wav.length, wav.length + 4), 'LIST');
    assert.deepEqual(readWavTags(tagged), { ICMT: 'Welcome to Switchboard.', ISFT: 'espeak-ng:en-us:165' });
    assert.equal(promptProblem(tagged), undefined, 'still a prompt Graph plays');
    const format = readWavFormat(tagged);
    assert.equal(typeof format === 'string' ? format : format.dataBytes, 3200);
  });

  it('lays the INFO list out as RIFF says: NUL-terminated text, word-aligned', () => {
    const tagged = withWavTags(plain(), { ICMT: 'Hi' });
    const expected = chunk('LIST', Buffer.concat([Buffer.from('INFO'), chunk('ICMT', Buffer.from('Hi\0'))]));
    assert.deepEqual(tagged.subarray(tagged.length - expected.length), expected);
    assert.equal(expected.length, 8 + 4 + 8 + 4, 'the 3-byte text got its pad byte');
  });

  it('replaces an earlier INFO list, and removes it when no text is left', () => {
    const once = withWavTags(plain(), { ICMT: 'first', INAM: 'one' });
    const twice = withWavTags(once, { ICMT: 'second' });
    assert.deepEqual(readWavTags(twice), { ICMT: 'second' });
    assert.equal(twice.toString('latin1').split('LIST').length - 1, 1, 'one LIST chunk');
    assert.deepEqual(withWavTags(twice, { ICMT: '  ' }), plain());
  });

  it('keeps UTF-8 text (a German say: prompt)', () => {
    const tagged = withWavTags(plain(), { ICMT: 'Drücken Sie die Eins für den Verkauf.' });
    assert.equal(readWavTags(tagged).ICMT, 'Drücken Sie die Eins für den Verkauf.');
  });

  it('reads an INFO list other writers put before the audio', () => {
    const wav = plain();
    const info = chunk('LIST', Buffer.concat([Buffer.from('INFO'), chunk('INAM', Buffer.from('Menu\0'))]));
    const before = Buffer.concat([wav.subarray(0, 36), info, wav.subarray(36)]);
    before.writeUInt32LE(before.length - 8, 4);
    assert.deepEqual(readWavTags(before), { INAM: 'Menu' });
    assert.equal(promptProblem(before), undefined);
  });

  it('gives a data chunk left at a streaming placeholder size its real size', () => {
    const wav = plain();
    wav.writeUInt32LE(0xffffffff, 40);
    const tagged = withWavTags(wav, { ICMT: 'streamed' });
    assert.equal(tagged.readUInt32LE(40), 3200);
    assert.equal(readWavTags(tagged).ICMT, 'streamed');
  });

  it('refuses what is not a WAV, and field ids that are not four capitals', () => {
    assert.throws(() => withWavTags(Buffer.from('not audio'), { ICMT: 'x' }), /not a WAV file/);
    assert.throws(() => withWavTags(plain(), { comment: 'x' }), /not an INFO field id/);
  });

  it('leaves a file Python’s wave module reads to the same frames', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-wavinfo-'));
    try {
      const file = path.join(dir, 'tagged.wav');
      writeFileSync(file, withWavTags(plain(), { ICMT: 'Press one.', INAM: 'menu' }));
      const script =
        'import wave,sys,json\nw=wave.open(sys.argv[1])\n' +
        'print(json.dumps([w.getnchannels(),w.getsampwidth(),w.getframerate(),w.getnframes()]))';
      const seen = JSON.parse(execFileSync('python3', ['-c', script, file]).toString()) as number[];
      assert.deepEqual(seen, [1, 2, 16000, 1600]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

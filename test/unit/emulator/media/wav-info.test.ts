// The emulator reads what a prompt says from the WAV's RIFF INFO labels (files built here chunk by
// chunk, not by the app's writer), and names a prompt without them by its file, never by a hash.
import assert from 'node:assert/strict';
import { parseWav, promptFormatProblem, promptNameOf, promptTextOf } from '../../../../emulator/media';
import { GOOD, chunk, fmtBody, riff } from './riff-builder';

/** A LIST/INFO chunk of NUL-terminated fields. */
const info = (fields: Record<string, string>, type = 'INFO') =>
  chunk(
    'LIST',
    Buffer.concat([
      Buffer.from(type, 'latin1'),
      ...Object.entries(fields).map(([id, text]) => chunk(id, Buffer.from(`${text}\0`, 'utf8'))),
    ]),
  );
const fmt = () => chunk('fmt ', fmtBody(GOOD));
const data = (bytes = 3200) => chunk('data', Buffer.alloc(bytes));

describe('emulator/media: INFO labels of a prompt', () => {
  it('reads INFO written after the audio (title, comment), and the audio is still a good prompt', () => {
    const wav = parseWav(riff([fmt(), data(), info({ INAM: 'menu', ICMT: 'For sales, press 1.' })]));
    assert.deepEqual(wav.tags, { INAM: 'menu', ICMT: 'For sales, press 1.' });
    assert.equal(wav.durationMs, 100);
    assert.equal(promptFormatProblem(wav), undefined);
  });

  it('reads INFO written before the audio, with odd-sized fields padded, in UTF-8', () => {
    const wav = parseWav(riff([fmt(), info({ ICMT: 'Grüß Gott', ISFT: 'abc' }), data()]));
    assert.deepEqual(wav.tags, { ICMT: 'Grüß Gott', ISFT: 'abc' });
    assert.equal(wav.dataBytes, 3200);
  });

  it('has no tags without INFO, ignores other LIST types, and a cut-off chunk after the audio', () => {
    assert.equal(parseWav(riff([fmt(), data()])).tags, undefined);
    assert.equal(parseWav(riff([fmt(), data(), info({ labl: 'x' }, 'adtl')])).tags, undefined);
    const whole = riff([fmt(), data(), info({ ICMT: 'Hello' })]);
    const cut = whole.subarray(0, whole.length - 4);
    assert.equal(parseWav(cut).tags, undefined);
    assert.equal(parseWav(cut).dataBytes, 3200);
  });

  it('says what a prompt says: the comment, else the title, else the file name', () => {
    const uri = 'https://app.example/prompts/welcome.wav';
    assert.equal(
      promptTextOf({ ICMT: 'Welcome to Switchboard.', INAM: 'welcome' }, uri),
      'Welcome to Switchboard.',
    );
    assert.equal(promptTextOf({ INAM: 'Greeting' }, uri), 'Greeting');
    assert.equal(promptTextOf(undefined, uri), 'welcome');
  });

  it('never names a prompt by a hash or an id', () => {
    const hash = 'a'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8);
    assert.equal(hash.length, 64);
    assert.equal(promptNameOf(`https://app.example/prompts/tts/${hash}.wav`), 'Untitled prompt');
    assert.equal(promptNameOf(`https://app.example/p/${hash.toUpperCase()}.wav?v=2`), 'Untitled prompt');
    assert.equal(
      promptNameOf('https://x.example/3f2504e0-4f89-11d3-9a0c-0305e82c3301.wav'),
      'Untitled prompt',
    );
    assert.equal(promptNameOf('https://x.example/prompts/menu-3fa9b2c1d4e5f607.wav'), 'menu');
    assert.equal(promptNameOf('https://x.example/prompts/please%20hold.wav'), 'please hold');
    assert.equal(promptNameOf('https://x.example/prompts/record-after-beep.wav'), 'record-after-beep');
  });
});

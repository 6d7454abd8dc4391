// What a prompt says, carried inside its WAV: a RIFF `LIST`/`INFO` chunk (`ICMT` the words, `INAM` a
// title, `ISFT` what made it), the standard place audio tools keep a file's labels. Whoever plays the
// prompt (a softphone, an editor) can show its words without knowing how the file was named.
// Hand-written: no installed library writes INFO chunks, and the format is a few fixed-size fields.

/** INFO fields by their four-letter ids (`ICMT`, `INAM`, `ISFT`...). */
export type WavTags = Readonly<Record<string, string>>;

const TAG_ID = /^[A-Z0-9]{4}$/;

interface Chunk {
  readonly id: string;
  readonly body: Buffer;
}

/** The chunks after the RIFF header; a chunk cut short by the end of the buffer keeps what is there. */
function chunksOf(buf: Buffer): Chunk[] {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a WAV file (no RIFF/WAVE header)');
  }
  const out: Chunk[] = [];
  let at = 12;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const end = Math.min(buf.length, at + 8 + size);
    out.push({ id, body: buf.subarray(at + 8, end) });
    at = at + 8 + size + (size % 2);
  }
  return out;
}

const isInfoList = (c: Chunk): boolean => c.id === 'LIST' && c.body.toString('ascii', 0, 4) === 'INFO';

function chunkBytes(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'ascii');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, Buffer.alloc(body.length % 2)]);
}

/** The INFO fields of a WAV (UTF-8, terminating NULs dropped); empty when it has none. */
export function readWavTags(buf: Buffer): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const list of chunksOf(buf).filter(isInfoList)) {
    let at = 4;
    while (at + 8 <= list.body.length) {
      const id = list.body.toString('ascii', at, at + 4);
      const size = list.body.readUInt32LE(at + 4);
      const text = list.body.subarray(at + 8, Math.min(list.body.length, at + 8 + size));
      tags[id] = text.toString('utf8').replace(/\0+$/, '').trim();
      at += 8 + size + (size % 2);
    }
  }
  return tags;
}

/**
 * The same WAV with one INFO list holding `tags` (an earlier INFO list is replaced), written after
 * the audio so that the first 44 bytes stay the canonical header a strict reader expects. A data
 * chunk whose size runs past the file (as streaming writers leave it) is given its real size.
 */
export function withWavTags(buf: Buffer, tags: WavTags): Buffer {
  const fields = Object.entries(tags).filter(([, text]) => text.trim() !== '');
  for (const [id] of fields) {
    if (!TAG_ID.test(id)) throw new Error(`"${id}" is not an INFO field id (four capitals or digits)`);
  }
  const kept = chunksOf(buf).filter((c) => !isInfoList(c));
  const parts = kept.map((c) => chunkBytes(c.id, c.body));
  if (fields.length > 0) {
    const entries = fields.map(([id, text]) =>
      chunkBytes(id, Buffer.concat([Buffer.from(text.trim(), 'utf8'), Buffer.alloc(1)])),
    );
    parts.push(chunkBytes('LIST', Buffer.concat([Buffer.from('INFO', 'ascii'), ...entries])));
  }
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(4 + body.length, 4);
  head.write('WAVE', 8, 'ascii');
  return Buffer.concat([head, body]);
}

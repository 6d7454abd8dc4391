// A WAV's RIFF `LIST`/`INFO` chunk: the labels audio tools write into a file (INAM title, ICMT comment,
// ISFT software...). A prompt that carries them can be shown by what it says rather than by its URL.

/** INFO fields of one LIST chunk body ('INFO' then id, size, NUL-terminated text...); {} for another list type. */
export function readInfoList(body: Buffer): Record<string, string> {
  const tags: Record<string, string> = {};
  if (body.length < 4 || body.toString('latin1', 0, 4) !== 'INFO') return tags;
  let pos = 4;
  while (pos + 8 <= body.length) {
    const id = body.toString('latin1', pos, pos + 4);
    const size = body.readUInt32LE(pos + 4);
    const end = pos + 8 + size;
    if (end > body.length) break;
    // Writers disagree on the character set; UTF-8 reads ASCII the same and is what current tools write.
    const text = body
      .toString('utf8', pos + 8, end)
      .replace(/\0+$/, '')
      .trim();
    if (/^[A-Za-z0-9 ]{4}$/.test(id) && text !== '') tags[id] = text;
    pos = end + (size % 2);
  }
  return tags;
}

const HASHLIKE = /^(?:[0-9a-f]{16,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** What to call an untitled prompt whose file name is only a hash or an id. */
export const UNTITLED_PROMPT = 'Untitled prompt';

/**
 * A prompt's name from its URL: the file name without extension or a trailing hash or id
 * (`welcome.wav` → `welcome`, `menu-3fa9b2c1d4e5f607.wav` → `menu`); a name that is only a hash or an
 * id is never shown.
 */
export function promptNameOf(uri: string): string {
  let last: string;
  try {
    last = decodeURIComponent(new URL(uri).pathname.split('/').filter(Boolean).at(-1) ?? '');
  } catch {
    last = uri.split(/[/?#]/).filter(Boolean).at(-1) ?? '';
  }
  const stem = last.replace(/\.[a-z0-9]{1,5}$/i, '');
  if (stem === '' || HASHLIKE.test(stem)) return UNTITLED_PROMPT;
  const trimmed = stem.replace(/[-_.](?:[0-9a-f]{16,}|[0-9a-f-]{36})$/i, '');
  return trimmed === '' || HASHLIKE.test(trimmed) ? UNTITLED_PROMPT : trimmed;
}

/** What a prompt says: its INFO comment (the words), else its INFO title, else its name from the URL. */
export function promptTextOf(tags: Readonly<Record<string, string>> | undefined, uri: string): string {
  return tags?.ICMT || tags?.INAM || promptNameOf(uri);
}

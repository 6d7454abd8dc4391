/** A Teams @mention as the activity carries it: the text that appears in the message and who it names. */
export interface MentionInput {
  readonly text: string;
  readonly id: string;
  readonly name: string;
}

export type Token =
  | { readonly t: 'word'; readonly raw: string; readonly lower: string }
  | { readonly t: 'quoted'; readonly raw: string }
  | { readonly t: 'mention'; readonly index: number }
  | { readonly t: 'email'; readonly raw: string }
  | { readonly t: 'phone'; readonly number: string; readonly raw: string }
  | { readonly t: 'badPhone'; readonly raw: string }
  | { readonly t: 'url'; readonly raw: string }
  | { readonly t: 'comma' };

const MARK = '\u0001';
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}$/i;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/** Teams sends HTML-ish text: strip tags, decode the common entities. */
function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, e: string) => ENTITIES[e] ?? ' ');
}

/** Splits a message into tokens; each mention's text becomes one mention token. */
export function tokenize(text: string, mentions: readonly MentionInput[] = []): Token[] {
  let marked = text;
  mentions.forEach((m, i) => {
    const at = marked.indexOf(m.text);
    if (at >= 0) marked = `${marked.slice(0, at)} ${MARK}${i}${MARK} ${marked.slice(at + m.text.length)}`;
  });
  const plain = plainText(marked);
  const tokens: Token[] = [];
  const re = new RegExp(
    `${MARK}(\\d+)${MARK}|["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]|([,;])|(\\S+)`,
    'g',
  );
  for (const m of plain.matchAll(re)) {
    if (m[1] !== undefined) tokens.push({ t: 'mention', index: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ t: 'quoted', raw: m[2].trim() });
    else if (m[3] !== undefined) tokens.push({ t: 'comma' });
    else if (m[4] !== undefined) tokens.push(...wordTokens(m[4]));
  }
  return tokens;
}

function wordTokens(chunk: string): Token[] {
  if (/^https?:\/\//i.test(chunk)) return [{ t: 'url', raw: chunk }];
  // A comma glued to a word ("adele,megan") still separates.
  if (/[,;]/.test(chunk)) {
    return chunk
      .split(/([,;])/)
      .flatMap((p) => (p === ',' || p === ';' ? [{ t: 'comma' as const }] : p ? wordTokens(p) : []));
  }
  const word = chunk.replace(/[.!?]+$/, '') || chunk;
  if (EMAIL.test(word)) return [{ t: 'email', raw: word }];
  if (/^\+[\d().-]+$/.test(word)) {
    const digits = word.replace(/\D/g, '');
    return digits.length >= 8 && digits.length <= 15
      ? [{ t: 'phone', number: `+${digits}`, raw: word }]
      : [{ t: 'badPhone', raw: word }];
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(word)) return [{ t: 'word', raw: word, lower: word }];
  if (/^\(?\d[\d().-]{6,}$/.test(word) && word.replace(/\D/g, '').length >= 7)
    return [{ t: 'badPhone', raw: word }];
  return [{ t: 'word', raw: word, lower: word.toLowerCase() }];
}

/** The text of a token as a person typed it. */
export function tokenText(tok: Token, mentions: readonly MentionInput[] = []): string {
  switch (tok.t) {
    case 'comma':
      return ',';
    case 'mention':
      return mentions[tok.index]?.name ?? '';
    case 'phone':
      return tok.raw;
    default:
      return tok.raw;
  }
}

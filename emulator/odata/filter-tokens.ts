// The tokens of an OData $filter: single-quoted strings (a quote inside doubled), numbers, words
// (names, operators, paths with '/'), and the punctuation ( ) , :.

/** A $filter that cannot be read; `position` is the character offset where reading stopped. */
export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

export type Token =
  | { t: 'str'; v: string; at: number }
  | { t: 'word'; v: string; at: number }
  | { t: 'num'; v: number; at: number }
  | { t: 'punct'; v: '(' | ')' | ',' | ':'; at: number };

/** Splits a $filter into tokens; throws FilterSyntaxError on a character it cannot read. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let v = '';
      const at = i++;
      for (;;) {
        if (i >= src.length) throw new FilterSyntaxError('unterminated string literal', at);
        if (src.charAt(i) === "'") {
          if (src.charAt(i + 1) === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src.charAt(i++);
      }
      out.push({ t: 'str', v, at });
    } else if (c === '(' || c === ')' || c === ',' || c === ':') {
      out.push({ t: 'punct', v: c, at: i++ });
    } else if (/[-0-9]/.test(c) && /^-?\d+(\.\d+)?(?![\w])/.test(src.slice(i))) {
      const m = /^-?\d+(\.\d+)?/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ t: 'num', v: Number(m[0]), at: i });
      i += m[0].length;
    } else if (/[\w$@./]/.test(c)) {
      const m = /^[\w$@./-]+/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ t: 'word', v: m[0], at: i });
      i += m[0].length;
    } else {
      throw new FilterSyntaxError(`unexpected character '${c}'`, i);
    }
  }
  return out;
}

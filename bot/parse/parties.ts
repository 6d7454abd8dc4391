import type { PartyQuery } from '../commands/command';
import type { MentionInput, Token } from './tokens';

export type PartiesResult = { parties: PartyQuery[] } | { error: string };

export const E164_HINT = 'Write phone numbers in E.164 form, with the country code: +14255550100.';
const SEPARATORS = new Set(['and', '&', 'plus']);

/**
 * Reads people and numbers from tokens. Mentions, e-mail addresses and numbers stand alone; other words
 * run together into one name until a comma, "and" or one of `extraSeparators`.
 */
export function parseParties(
  tokens: readonly Token[],
  mentions: readonly MentionInput[],
  extraSeparators: readonly string[] = [],
): PartiesResult {
  const parties: PartyQuery[] = [];
  let name: string[] = [];
  const flush = () => {
    if (name.length === 0) return;
    const text = name.join(' ');
    const lower = text.toLowerCase();
    parties.push(lower === 'me' || lower === 'myself' ? { kind: 'me' } : { kind: 'name', text });
    name = [];
  };
  for (const tok of tokens) {
    switch (tok.t) {
      case 'word':
        if (SEPARATORS.has(tok.lower) || extraSeparators.includes(tok.lower)) flush();
        else name.push(tok.raw);
        break;
      case 'comma':
        flush();
        break;
      case 'quoted':
        flush();
        if (tok.raw) parties.push({ kind: 'name', text: tok.raw });
        break;
      case 'mention': {
        flush();
        const m = mentions[tok.index];
        if (m) parties.push({ kind: 'mention', id: m.id, name: m.name });
        break;
      }
      case 'email':
        flush();
        parties.push({ kind: 'email', address: tok.raw });
        break;
      case 'phone':
        flush();
        parties.push({ kind: 'phone', number: tok.number });
        break;
      case 'badPhone':
        return { error: `"${tok.raw}" looks like a phone number but is not in E.164 form. ${E164_HINT}` };
      case 'url':
        return { error: `"${tok.raw}" is a link, not a person or a phone number.` };
    }
  }
  flush();
  return { parties };
}

/** One run of several words ("adele megan") read as one person per word. */
export function splitSingleName(parties: PartyQuery[]): PartyQuery[] {
  const only = parties[0];
  if (parties.length !== 1 || only?.kind !== 'name') return parties;
  const words = only.text.split(/\s+/).filter(Boolean);
  return words.length < 2 ? parties : words.map((text) => ({ kind: 'name' as const, text }));
}

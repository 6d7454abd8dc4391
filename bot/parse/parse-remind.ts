import type { PartyQuery } from '../commands/command';
import { wordsOf } from './parse-meet';
import { E164_HINT } from './parties';
import type { ParseResult } from './result';
import { tokenText, type MentionInput, type Token } from './tokens';
import { parseWhen, WHEN_EXAMPLES, type Clock } from './when';

const MESSAGE_LEADS = new Set(['to', 'that', 'about', ':', '-']);

/**
 * remind <person> <when> <message>; the time may also follow the message
 * ("remind me to call the bank at 3pm").
 */
export function parseRemind(
  tokens: readonly Token[],
  mentions: readonly MentionInput[],
  clock: Clock,
): ParseResult {
  const words = wordsOf(tokens);
  const who = readTarget(tokens, words, mentions, clock);
  if ('error' in who) return fail(who.error);
  let whenAt: number | undefined;
  const message: Token[] = [];
  let i = who.next;
  while (i < tokens.length) {
    if (whenAt === undefined) {
      const when = parseWhen(words, i, clock);
      if (when && 'error' in when) return fail(when.error);
      if (when) {
        whenAt = when.at;
        i = when.next;
        continue;
      }
    }
    message.push(tokens[i]!);
    i += 1;
  }
  if (whenAt === undefined) return fail(`When should I call? Try ${WHEN_EXAMPLES}.`);
  while (message[0]?.t === 'word' && MESSAGE_LEADS.has(message[0].lower)) message.shift();
  const text = message
    .map((t) => tokenText(t, mentions))
    .join(' ')
    .replace(/\s+,/g, ',')
    .trim();
  if (!text)
    return fail('What should I say when I call? Put it after the time: "remind me at 3pm to call the bank".');
  return { ok: true, command: { kind: 'remind', target: who.target, dueAt: whenAt, message: text } };
}

function readTarget(
  tokens: readonly Token[],
  words: readonly string[],
  mentions: readonly MentionInput[],
  clock: Clock,
): { target: PartyQuery; next: number } | { error: string } {
  const first = tokens[0];
  if (!first) return { error: 'Whom should I call? "remind me ...", "remind @Adele ..." or a phone number.' };
  switch (first.t) {
    case 'mention': {
      const m = mentions[first.index];
      return m
        ? { target: { kind: 'mention', id: m.id, name: m.name }, next: 1 }
        : { error: 'That mention is broken.' };
    }
    case 'email':
      return { target: { kind: 'email', address: first.raw }, next: 1 };
    case 'phone':
      return { target: { kind: 'phone', number: first.number }, next: 1 };
    case 'badPhone':
      return { error: `"${first.raw}" is not in E.164 form. ${E164_HINT}` };
    case 'quoted':
      return { target: { kind: 'name', text: first.raw }, next: 1 };
    case 'word':
      if (first.lower === 'me' || first.lower === 'myself') return { target: { kind: 'me' }, next: 1 };
      break;
    default:
      return { error: 'Whom should I call? "remind me ...", "remind @Adele ..." or a phone number.' };
  }
  const name: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (tok.t !== 'word' || MESSAGE_LEADS.has(tok.lower) || parseWhen(words, i, clock)) break;
    name.push(tok.raw);
    i += 1;
  }
  return { target: { kind: 'name', text: name.join(' ') }, next: i };
}

function fail(message: string): ParseResult {
  return { ok: false, error: { message, command: 'remind' } };
}

import type { Command, PersonQuery } from '../commands/command';
import { parseParties } from './parties';
import { parseSpan } from './span';
import { tokenText, type MentionInput, type Token } from './tokens';
import { parseWhen, type Clock } from './when';
import type { ParseResult } from './result';

export const DEFAULT_MEETING_MINUTES = 30;

/** Lower-case words aligned with tokens; non-words become a value no time expression matches. */
export function wordsOf(tokens: readonly Token[]): string[] {
  return tokens.map((t) => (t.t === 'word' ? t.lower : '\u0000'));
}

/** meet <subject> [at <time>] [for <duration>] [with <people...>], clauses in any order after the subject. */
export function parseMeet(
  tokens: readonly Token[],
  mentions: readonly MentionInput[],
  clock: Clock,
): ParseResult {
  const words = wordsOf(tokens);
  const subject: string[] = [];
  const people: Token[] = [];
  let start: number | undefined;
  let duration: number | undefined;
  let inPeople = false;
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    const w = words[i];
    if (w === 'for') {
      const span = parseSpan(words, i + 1, true);
      if (span) {
        if (span.minutes < 5 || span.minutes > 24 * 60) {
          return fail('A meeting lasts between 5 minutes and 24 hours. Try "for 30m" or "for 1h".');
        }
        duration = span.minutes;
        i = span.next;
        continue;
      }
    }
    if (start === undefined) {
      const when = parseWhen(words, i, clock);
      if (when && 'error' in when) return fail(when.error);
      if (when) {
        start = when.at;
        i = when.next;
        continue;
      }
    }
    if (w === 'with') {
      inPeople = true;
      i += 1;
      continue;
    }
    if (inPeople || tok.t === 'mention' || tok.t === 'email') people.push(tok);
    else subject.push(tokenText(tok, mentions));
    i += 1;
  }
  const parsed = parseParties(people, mentions);
  if ('error' in parsed) return fail(parsed.error);
  const attendees: PersonQuery[] = [];
  for (const p of parsed.parties) {
    if (p.kind === 'phone')
      return fail('Meetings invite people, not phone numbers. Name them or @mention them.');
    attendees.push(p);
  }
  const command: Command = {
    kind: 'meet',
    subject: subject.join(' ').replace(/\s+,/g, ',').trim(),
    ...(start !== undefined ? { start } : {}),
    durationMin: duration ?? DEFAULT_MEETING_MINUTES,
    attendees,
  };
  return { ok: true, command };
}

function fail(message: string): ParseResult {
  return { ok: false, error: { message, command: 'meet' } };
}

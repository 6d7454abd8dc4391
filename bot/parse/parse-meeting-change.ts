import type { Command } from '../commands/command';
import { parseMeet, wordsOf } from './parse-meet';
import type { ParseResult } from './result';
import { parseSpan } from './span';
import { tokenText, type MentionInput, type Token } from './tokens';
import { parseWhen, type Clock } from './when';

/** The catalog entry whose usage an error shows. */
const COMMAND = 'meeting';
const SAY_WHEN =
  'Say when to move it: "meeting move to 4pm" or "meeting move Budget review to tomorrow 10:00 for 45m".';
// Words that name a day (or a moment relative to now): a time without any of them keeps the meeting's day.
const DAY_WORD =
  /^(today|tonight|tomorrow|on|in|now|(mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|\d{4}-\d{2}-\d{2})$/;

const fail = (message: string): ParseResult => ({ ok: false, error: { message, command: COMMAND } });

function subjectOf(tokens: readonly Token[], mentions: readonly MentionInput[]): string | undefined {
  const text = tokens
    .map((t) => tokenText(t, mentions))
    .join(' ')
    .replace(/\s+,/g, ',')
    .trim();
  return text || undefined;
}

interface Clauses {
  start?: number;
  keepDay?: boolean;
  durationMin?: number;
}

/** Reads words[i..] as nothing but "[to] <when>" and "for <duration>" clauses; undefined when it is not. */
function clauses(words: readonly string[], i: number, clock: Clock): Clauses | { error: string } | undefined {
  const out: Clauses = {};
  let j = i;
  while (j < words.length) {
    if (words[j] === 'for' && out.durationMin === undefined) {
      const span = parseSpan(words, j + 1, true);
      if (!span) return undefined;
      if (span.minutes < 5 || span.minutes > 24 * 60)
        return { error: 'A meeting lasts between 5 minutes and 24 hours. Try "for 30m" or "for 1h".' };
      out.durationMin = span.minutes;
      j = span.next;
      continue;
    }
    if (out.start !== undefined) return undefined;
    const from = words[j] === 'to' ? j + 1 : j;
    const when = parseWhen(words, from, clock);
    if (!when) return undefined;
    if ('error' in when) return { error: when.error };
    out.start = when.at;
    if (!words.slice(from, when.next).some((w) => DAY_WORD.test(w))) out.keepDay = true;
    j = when.next;
  }
  return j > i ? out : undefined;
}

/** meeting move [subject] [to] <when> [for <duration>]: the subject ends where the clauses begin. */
export function parseMeetingMove(
  tokens: readonly Token[],
  mentions: readonly MentionInput[],
  clock: Clock,
): ParseResult {
  const words = wordsOf(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const c = clauses(words, i, clock);
    if (!c) continue;
    if ('error' in c) return fail(c.error);
    const subject = subjectOf(tokens.slice(0, i), mentions);
    const command: Command = {
      kind: 'meetingMove',
      ...(subject ? { subject } : {}),
      ...(c.start !== undefined ? { start: c.start } : {}),
      ...(c.keepDay ? { keepDay: true } : {}),
      ...(c.durationMin !== undefined ? { durationMin: c.durationMin } : {}),
    };
    return { ok: true, command };
  }
  return fail(SAY_WHEN);
}

/** meeting cancel [subject]. */
export function parseMeetingCancel(tokens: readonly Token[], mentions: readonly MentionInput[]): ParseResult {
  const subject = subjectOf(tokens, mentions);
  return { ok: true, command: { kind: 'meetingCancel', ...(subject ? { subject } : {}) } };
}

/** "meeting move ...", "meeting cancel ...", or else "meeting <subject> ..." creating one as "meet" does. */
export function parseMeeting(
  tokens: readonly Token[],
  mentions: readonly MentionInput[],
  clock: Clock,
): ParseResult {
  const [first, ...rest] = tokens;
  const verb = first?.t === 'word' ? first.lower : '';
  if (verb === 'move' || verb === 'reschedule') return parseMeetingMove(rest, mentions, clock);
  if (verb === 'cancel') return parseMeetingCancel(rest, mentions);
  return parseMeet(tokens, mentions, clock);
}

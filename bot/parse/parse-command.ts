import { CATALOG } from '../commands/catalog';
import type { Command, PersonQuery } from '../commands/command';
import { parseMeet } from './parse-meet';
import { parseMeeting, parseMeetingCancel } from './parse-meeting-change';
import { parseRemind } from './parse-remind';
import { parseParties, splitSingleName } from './parties';
import type { ParseResult } from './result';
import { tokenize, type MentionInput, type Token } from './tokens';
import type { Clock } from './when';

export type { ParseResult, ParseError } from './result';

/** A message as the parser sees it: text with the bot's own mention removed, the other mentions, the clock. */
export interface ParseInput extends Clock {
  readonly text: string;
  readonly mentions?: readonly MentionInput[];
}

type Parser = (rest: readonly Token[], mentions: readonly MentionInput[], clock: Clock) => ParseResult;

const ok = (command: Command): ParseResult => ({ ok: true, command });
const fail = (command: string, message: string): ParseResult => ({ ok: false, error: { message, command } });

function noArguments(command: Command): Parser {
  return (rest) =>
    rest.length === 0 ? ok(command) : fail(command.kind, `"${command.kind}" takes nothing after it.`);
}

const parseCall: Parser = (rest, mentions) => {
  const r = parseParties(rest, mentions);
  if ('error' in r) return fail('call', r.error);
  const [first, ...more] = r.parties;
  if (!first) return fail('call', 'Whom should I call? Name a person, @mention them, or give a number.');
  return more.length === 0
    ? ok({ kind: 'call', target: first })
    : ok({ kind: 'groupcall', targets: r.parties });
};

const parseAnnounce: Parser = (rest, mentions) => {
  const r = parseParties(rest, mentions);
  if ('error' in r) return fail('announce', r.error);
  const [first, ...more] = r.parties;
  if (!first || more.length > 0)
    return fail('announce', 'Name one person or number for Switchboard to call.');
  return ok({ kind: 'announce', target: first });
};

const parseGroupCall: Parser = (rest, mentions) => {
  const r = parseParties(rest, mentions);
  if ('error' in r) return fail('groupcall', r.error);
  if (r.parties.length === 0) return fail('groupcall', 'Name the people to call, separated by commas.');
  return ok({ kind: 'groupcall', targets: r.parties });
};

const parseConnect: Parser = (rest, mentions) => {
  const r = parseParties(rest, mentions, ['to', 'with']);
  if ('error' in r) return fail('connect', r.error);
  const parties = splitSingleName(r.parties);
  const [a, b] = parties;
  if (!a || !b || parties.length !== 2) {
    return fail('connect', 'Name exactly two people or numbers: "connect Adele to +14255550100".');
  }
  return ok({ kind: 'connect', a, b });
};

const parseJoin: Parser = (rest) => {
  if (rest.length === 0) return ok({ kind: 'join' });
  const [first] = rest;
  // Which links are meeting links (long, short, Safe Links, the web client's) is the calling module's call.
  if (rest.length === 1 && first?.t === 'url') return ok({ kind: 'join', joinUrl: first.raw });
  return fail('join', 'Paste the meeting\'s join link after "join" (or say "join" alone in a meeting chat).');
};

const parsePresence: Parser = (rest, mentions) => {
  const r = parseParties(rest, mentions);
  if ('error' in r) return fail('presence', r.error);
  const people: PersonQuery[] = [];
  for (const p of r.parties) {
    if (p.kind === 'phone') return fail('presence', 'Presence is for people, not phone numbers.');
    people.push(p);
  }
  return ok({ kind: 'presence', people });
};

const parseCancel: Parser = (rest, mentions) => {
  const [first, ...after] = rest;
  if (first?.t === 'word' && first.lower === 'meeting') return parseMeetingCancel(after, mentions);
  const words = rest.map((t) => (t.t === 'word' ? t.lower : ''));
  const n = words[0] === 'reminder' ? words[1] : words[0];
  const index = n ? Number(n.replace(/^#/, '')) : NaN;
  if (!Number.isInteger(index) || index < 1 || words.length > (words[0] === 'reminder' ? 2 : 1)) {
    return fail('cancel reminder', 'Say which one: "cancel reminder 2" (the number from "reminders").');
  }
  return ok({ kind: 'cancelReminder', index });
};

const QUEUE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** queue {name} | queue sign in {name} | queue sign out {name}; "queue" alone lists the queues. */
const parseQueue: Parser = (rest) => {
  const words = rest.map((t) => (t.t === 'word' ? t.raw : ''));
  if (words.length === 0) return ok({ kind: 'queues' });
  const lower = words.map((w) => w.toLowerCase());
  const signing = lower[0] === 'sign' && (lower[1] === 'in' || lower[1] === 'out');
  const names = signing ? words.slice(2) : words;
  const [name, ...more] = names;
  if (!name || more.length > 0 || !QUEUE_NAME.test(name)) {
    return fail(
      'queue',
      signing
        ? `Name the queue: "queue sign ${lower[1]} support" (send "queues" for their names).`
        : 'Name one queue: "queue support", or "queue sign in support" (send "queues" for their names).',
    );
  }
  return signing
    ? ok({ kind: 'queueSignIn', queue: name, signedIn: lower[1] === 'in' })
    : ok({ kind: 'queue', queue: name });
};

/** Command words and their parsers; dispatch is this table. */
const PARSERS: ReadonlyArray<{ names: readonly string[]; parse: Parser }> = [
  { names: ['help', '?', 'hi', 'hello', 'start', 'commands'], parse: () => ok({ kind: 'help' }) },
  { names: ['call', 'ring', 'dial'], parse: parseCall },
  { names: ['announce'], parse: parseAnnounce },
  { names: ['groupcall', 'group-call'], parse: parseGroupCall },
  { names: ['connect'], parse: parseConnect },
  { names: ['meet'], parse: parseMeet },
  { names: ['meeting'], parse: parseMeeting },
  { names: ['join'], parse: parseJoin },
  { names: ['presence', 'status', 'who'], parse: parsePresence },
  { names: ['remind'], parse: parseRemind },
  { names: ['reminders'], parse: noArguments({ kind: 'reminders' }) },
  { names: ['cancel'], parse: parseCancel },
  { names: ['calls'], parse: noArguments({ kind: 'calls' }) },
  { names: ['frontdesk', 'front-desk'], parse: noArguments({ kind: 'frontdesk' }) },
  { names: ['queues'], parse: noArguments({ kind: 'queues' }) },
  { names: ['queue'], parse: parseQueue },
];

/** Reads one chat message as a command. Pure: the same input always gives the same result. */
export function parseCommand(input: ParseInput): ParseResult {
  const mentions = input.mentions ?? [];
  const tokens = tokenize(input.text, mentions);
  // "group call" and "front desk" typed as two words.
  const head = tokens[0];
  const second = tokens[1];
  let word = head?.t === 'word' ? head.lower : '';
  let rest = tokens.slice(1);
  if (
    (word === 'group' && second?.t === 'word' && second.lower === 'call') ||
    (word === 'front' && second?.t === 'word' && second.lower === 'desk')
  ) {
    word = `${word}-${second.lower}`;
    rest = tokens.slice(2);
  }
  if (!word) {
    return { ok: false, error: { message: 'Tell me what to do: type "help" for the list of commands.' } };
  }
  const entry = PARSERS.find((p) => p.names.includes(word));
  if (entry) return entry.parse(rest, mentions, input);
  const suggestion = closest(word);
  return {
    ok: false,
    error: {
      message: `I don't know "${word}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Type "help" for the list.`,
      ...(suggestion ? { suggestion } : {}),
    },
  };
}

function closest(word: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const { name } of CATALOG) {
    const d = distance(word, name);
    if (d <= 2 && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

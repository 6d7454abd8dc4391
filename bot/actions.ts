import { z } from 'zod';
import { inputId, type FormName } from './cards/elements';
import { commandSchema, type Command } from './commands/command';
import { parseCommand, type ParseResult } from './parse/parse-command';
import { parseParties } from './parse/parties';
import { tokenize } from './parse/tokens';
import type { Clock } from './parse/when';

const FORMS = [
  'call',
  'groupcall',
  'connect',
  'meet',
  'meetingMove',
  'meetingCancel',
  'join',
  'presence',
  'remind',
  'invite',
  'transfer',
  'mute',
] as const;

// Card data comes back from the client with the input values merged in, so the schemas are loose.
const actionDataSchema = z.union([
  z.looseObject({ sb: z.literal('run'), command: z.unknown(), replace: z.boolean().optional() }),
  z.looseObject({
    sb: z.literal('form'),
    form: z.enum(FORMS),
    callId: z.string().min(1).max(200).optional(),
    meetingId: z.string().min(1).max(1000).optional(),
  }),
]);

/** What a button asks for: a command, and whether its answer replaces the card it was on. */
export type DecodedAction =
  { ok: true; command: Command; replace: boolean } | { ok: false; message: string; command?: string };

function fromParse(r: ParseResult, replace: boolean): DecodedAction {
  return r.ok
    ? { ok: true, command: r.command, replace }
    : { ok: false, message: r.error.message, ...(r.error.command ? { command: r.error.command } : {}) };
}

/** Input text as typed, without quotes that would confuse the parser. */
function input(data: Record<string, unknown>, form: FormName, field: string, ownerId?: string): string {
  const v = data[inputId(form, field, ownerId)];
  return typeof v === 'string' ? v.replace(/["\u201c\u201d]/g, '').trim() : '';
}

/** A multi-word name is quoted so that the remind parser does not read into the time. */
function asParty(text: string): string {
  return /\s/.test(text) && !/^(me|myself)$/i.test(text) ? `"${text}"` : text;
}

/** A meeting's new time: the form's "when" after "to", its length after "for". */
function moveLine(subject: string, when: string, duration: string): string {
  return `meeting move ${subject ? `"${subject}" ` : ''}${when ? `to ${when} ` : ''}${duration ? `for ${duration}` : ''}`;
}

/** The meeting forms: on a meeting's card they carry its id, on the help card a subject (or none). */
function fromMeetingForm(
  data: Record<string, unknown>,
  form: 'meetingMove' | 'meetingCancel',
  meetingId: string | undefined,
  clock: Clock,
): DecodedAction {
  const subject = meetingId ? '' : input(data, form, 'subject');
  const text =
    form === 'meetingMove'
      ? moveLine(subject, input(data, form, 'when', meetingId), input(data, form, 'duration', meetingId))
      : `meeting cancel ${subject ? `"${subject}"` : ''}`;
  const r = parseCommand({ text: text.trim(), ...clock });
  if (!r.ok) return fromParse(r, false);
  const cmd = r.command;
  if (!meetingId || (cmd.kind !== 'meetingMove' && cmd.kind !== 'meetingCancel'))
    return { ok: true, command: cmd, replace: false };
  return { ok: true, command: { ...cmd, meetingId }, replace: false };
}

function fromForm(
  data: Record<string, unknown>,
  form: FormName,
  ids: { callId?: string; meetingId?: string },
  clock: Clock,
): DecodedAction {
  const callId = ids.callId;
  const line = (text: string) => fromParse(parseCommand({ text, ...clock }), false);
  switch (form) {
    case 'meetingMove':
    case 'meetingCancel':
      return fromMeetingForm(data, form, ids.meetingId, clock);
    case 'call':
      return line(`call ${input(data, form, 'who')}`);
    case 'groupcall':
      return line(`groupcall ${input(data, form, 'people')}`);
    case 'connect':
      return line(`connect ${asParty(input(data, form, 'a'))}, ${asParty(input(data, form, 'b'))}`);
    case 'join':
      return line(`join ${input(data, form, 'url')}`);
    case 'presence':
      return line(`presence ${input(data, form, 'people')}`);
    case 'remind':
      return line(
        `remind ${asParty(input(data, form, 'who'))} ${input(data, form, 'when')} ${input(data, form, 'message')}`,
      );
    case 'meet': {
      const when = input(data, form, 'when');
      const duration = input(data, form, 'duration');
      const people = input(data, form, 'with');
      const clause = (word: string, v: string) => (v ? ` ${word} ${v}` : '');
      const whenClause = !when
        ? ''
        : /^(at|in|on|now|today|tonight|tomorrow)\b/i.test(when)
          ? ` ${when}`
          : ` at ${when}`;
      return line(
        `meet "${input(data, form, 'subject')}"${whenClause}${clause('for', duration)}${clause('with', people)}`,
      );
    }
    case 'mute': {
      const participantId = data[inputId('mute', 'participant', callId)];
      if (!callId || typeof participantId !== 'string' || !participantId)
        return { ok: false, message: 'Pick whom to mute.' };
      return { ok: true, command: { kind: 'mute', callId, participantId }, replace: true };
    }
    case 'invite':
    case 'transfer': {
      const text = input(data, form, 'who', callId);
      const parsed = parseParties(tokenize(text), []);
      if (!callId) return { ok: false, message: 'That button lost track of its call.' };
      if ('error' in parsed) return { ok: false, message: parsed.error };
      const [target, ...more] = parsed.parties;
      if (!target || more.length > 0) return { ok: false, message: 'Name one person or phone number.' };
      return { ok: true, command: { kind: form, callId, target }, replace: true };
    }
  }
}

/** Reads the data of a Switchboard button (Action.Execute or Action.Submit) into a command. */
export function decodeAction(data: unknown, clock: Clock): DecodedAction {
  const parsed = actionDataSchema.safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      message: 'That button is not one of mine, or it is from an older version of this card.',
    };
  const d = parsed.data;
  if (d.sb === 'run') {
    const cmd = commandSchema.safeParse(d.command);
    if (!cmd.success) return { ok: false, message: 'That button carries a request I cannot read.' };
    return { ok: true, command: cmd.data, replace: d.replace === true };
  }
  return fromForm(d, d.form, { callId: d.callId, meetingId: d.meetingId }, clock);
}

import { z } from 'zod';

// Commands are plain data: the chat parser produces them and card buttons carry them back, so one schema
// both types them and validates what a card action sends (a user can tamper with card data).

const id = z.string().min(1).max(200);

/** How a message names a person before the directory is asked. */
export const personQuerySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('me') }),
  /** A Teams @mention: the channel account id (29:...) and the shown name. */
  z.object({ kind: z.literal('mention'), id, name: z.string().max(200) }),
  z.object({ kind: z.literal('email'), address: z.string().min(3).max(320) }),
  z.object({ kind: z.literal('name'), text: z.string().min(1).max(200) }),
  /** A directory object id, as a pick card sends back. */
  z.object({ kind: z.literal('id'), id, label: z.string().max(200).optional() }),
]);
export type PersonQuery = z.infer<typeof personQuerySchema>;

export const partyQuerySchema = z.union([
  personQuerySchema,
  z.object({ kind: z.literal('phone'), number: z.string().regex(/^\+\d{8,15}$/) }),
]);
/** A person or an E.164 phone number. */
export type PartyQuery = z.infer<typeof partyQuerySchema>;

const epoch = z.number().int().nonnegative();
const queueName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/);
const callId = id;
// Graph's online meeting ids are long base64 strings.
const meetingId = z.string().min(1).max(1000);
const minutes = z
  .number()
  .int()
  .min(5)
  .max(24 * 60);

export const commandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('help') }),
  z.object({ kind: z.literal('call'), target: partyQuerySchema }),
  z.object({ kind: z.literal('announce'), target: partyQuerySchema }),
  z.object({ kind: z.literal('groupcall'), targets: z.array(partyQuerySchema).min(1).max(20) }),
  z.object({ kind: z.literal('connect'), a: partyQuerySchema, b: partyQuerySchema }),
  z.object({
    kind: z.literal('meet'),
    subject: z.string().max(250),
    start: epoch.optional(),
    durationMin: minutes,
    attendees: z.array(personQuerySchema).max(50),
  }),
  /** Which meeting: by id (its card's buttons), else the requester's meeting so named, else the chat's latest. */
  z.object({
    kind: z.literal('meetingMove'),
    meetingId: meetingId.optional(),
    subject: z.string().min(1).max(250).optional(),
    start: epoch.optional(),
    /** The time was given without a day: keep the meeting's day. */
    keepDay: z.boolean().optional(),
    durationMin: minutes.optional(),
  }),
  z.object({
    kind: z.literal('meetingCancel'),
    meetingId: meetingId.optional(),
    subject: z.string().min(1).max(250).optional(),
  }),
  z.object({
    kind: z.literal('join'),
    joinUrl: z.string().url().max(4000).optional(),
    subject: z.string().max(250).optional(),
  }),
  z.object({ kind: z.literal('presence'), people: z.array(personQuerySchema).max(30) }),
  z.object({
    kind: z.literal('remind'),
    target: partyQuerySchema,
    dueAt: epoch,
    message: z.string().min(1).max(500),
  }),
  z.object({ kind: z.literal('reminders') }),
  z.object({
    kind: z.literal('cancelReminder'),
    index: z.number().int().min(1).optional(),
    id: id.optional(),
  }),
  z.object({ kind: z.literal('calls') }),
  z.object({ kind: z.literal('frontdesk') }),
  z.object({ kind: z.literal('queues') }),
  z.object({ kind: z.literal('queue'), queue: queueName }),
  z.object({ kind: z.literal('queueSignIn'), queue: queueName, signedIn: z.boolean() }),
  // Reached from card buttons only.
  z.object({ kind: z.literal('hangup'), callId }),
  z.object({ kind: z.literal('mute'), callId, participantId: id }),
  z.object({ kind: z.literal('invite'), callId, target: partyQuerySchema }),
  z.object({ kind: z.literal('transfer'), callId, target: partyQuerySchema }),
  z.object({ kind: z.literal('showCall'), callId }),
  z.object({
    kind: z.literal('callEveryone'),
    joinUrl: z.string().url().max(4000),
    subject: z.string().max(250).optional(),
    attendeeIds: z.array(id).min(1).max(50),
  }),
  z.object({ kind: z.literal('frontdeskSet'), ruleId: id, enabled: z.boolean() }),
  z.object({ kind: z.literal('alertsHere') }),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandKind = Command['kind'];
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;

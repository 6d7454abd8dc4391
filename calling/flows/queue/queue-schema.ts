// Call queues as configuration: who answers (agents from the front desk's people), how the next one is
// picked, how long each is rung, how long a caller may wait and where they go after that, and what
// they hear meanwhile.
import { z } from 'zod';
import { partySchema, targetSchema } from '../runtime';
import { promptSchema } from '../ivr/menu-schema';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** A queue's name, as IVR steps and other queues refer to it. */
export const queueNameSchema = z.string().regex(NAME, 'must be a queue name (letters, digits, "_", "-")');

/** An agent: a people name from the front desk, or a Teams user given inline (presence needs a user). */
export const agentSchema = z.union([
  z.string().min(1),
  partySchema.refine((p) => 'user' in p, {
    message: 'an agent must be a Teams user ({ user: <object id> }): presence is known only for users',
  }),
]);

/** How the next agent is chosen among those free and Available. */
export const PICK_POLICIES = ['longestIdle', 'inOrder', 'roundRobin'] as const;
export type PickPolicy = (typeof PICK_POLICIES)[number];

/** The message path: the caller records a short message and a card tells the team. */
export const messageSchema = z.strictObject({
  /** Played before the beep (default: a short spoken invitation to leave a message). */
  prompts: z.array(promptSchema).max(20).optional(),
  /** The longest message, in seconds. */
  maxSeconds: z.number().int().min(5).max(120).default(60),
  notify: z.strictObject({
    /** A Teams chat or channel the bot posts to (default NOTIFY_TARGET, else the alerts chat). */
    target: z.string().min(1).optional(),
    /** May use {caller}, {callerId}, {queue} and {waited}. */
    title: z.string().min(1),
    text: z.string().min(1),
  }),
});

/** Where a caller goes once they waited `maxWaitSeconds`: the queue's message path, another queue, a person. */
export const afterMaxWaitSchema = z.union([
  z.literal('message'),
  z.strictObject({ queue: queueNameSchema }),
  z.strictObject({ transfer: targetSchema }),
]);

export const queueSchema = z.strictObject({
  description: z.string().optional(),
  agents: z.array(agentSchema).min(1, 'a queue needs at least one agent').max(50),
  pick: z
    .enum(PICK_POLICIES, { message: `must be one of ${PICK_POLICIES.join(', ')}` })
    .default('longestIdle'),
  /** How long one agent is rung before the next is tried. */
  ringSeconds: z.number().int().min(5).max(60).default(20),
  /** How long a caller waits in all before `afterMaxWait`. */
  maxWaitSeconds: z.number().int().min(30).max(3600).default(600),
  afterMaxWait: afterMaxWaitSchema,
  /** The message path, for `afterMaxWait: message` and `messageKey`. */
  message: messageSchema.optional(),
  /** A prompt name, URL or `say:` text looped while the caller waits (default: the generated music). */
  holdMusic: promptSchema.optional(),
  /** Position and estimate every so many seconds; 0 announces only on arrival. */
  announceEverySeconds: z
    .number()
    .int()
    .refine((n) => n === 0 || (n >= 15 && n <= 600), 'must be 0 (never) or between 15 and 600')
    .default(30),
  /** The key a waiting caller presses to leave a message instead (needs `message`). */
  messageKey: z
    .string()
    .regex(/^[0-9*#]$/, 'one key: 0-9, * or #')
    .optional(),
});

export const queuesFileSchema = z.strictObject({
  description: z.string().optional(),
  queues: z.record(queueNameSchema, queueSchema),
});

export type QueueConfig = z.infer<typeof queueSchema>;
export type QueuesFile = z.infer<typeof queuesFileSchema>;
export type AfterMaxWait = z.infer<typeof afterMaxWaitSchema>;
export type Agent = z.infer<typeof agentSchema>;

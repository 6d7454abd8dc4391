// IVR menus as data. A menu is a set of nodes; a node plays prompts, then either collects keys and
// branches on them or does one action. Branches after an action (onFail, onSpeech...) are jumps to
// nodes, so every path of a menu is a walk over its nodes.
import { z } from 'zod';
import { meetingSchema, targetSchema } from '../runtime';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const nodeName = z.string().regex(NAME, 'must be a node name (letters, digits, "_", "-")');

/** A prompt: a name from the prompt set (or an http(s) URL), or text to speak. */
export const promptSchema = z.union([
  z.string().min(1),
  z.strictObject({ say: z.string().min(1, 'needs the text to speak'), voice: z.string().min(1).optional() }),
]);
const prompts = z.array(promptSchema).max(20, 'Graph plays at most 20 prompts at once');

/** Where to go next: another node, the start of another menu, the same node again, or hang up. */
export const jumpSchema = z.union([
  z.literal('repeat'),
  z.literal('hangUp'),
  z.strictObject({ goto: nodeName }),
  z.strictObject({ menu: nodeName }),
]);

const seconds = (max: number) => z.number().int().min(1).max(max);

export const recordSchema = z.strictObject({
  prompt: z.string().min(1).optional(),
  maxSeconds: seconds(120).default(10),
  initialSilenceSeconds: seconds(120).default(5),
  maxSilenceSeconds: seconds(120).default(3),
  playBeep: z.boolean().default(true),
  stopTones: z
    .string()
    .regex(/^[0-9*#]+$/, 'keys 0-9, * or #')
    .default('#'),
  onSpeech: jumpSchema,
  onSilence: jumpSchema,
  /** When the recording could not be fetched or analysed (default: onSilence). */
  onFail: jumpSchema.optional(),
});

export const notifySchema = z.strictObject({
  /** A Teams chat or channel the bot posts to (default NOTIFY_TARGET). */
  target: z.string().min(1).optional(),
  title: z.string().min(1),
  /** May use {caller}, {callerId}, {menu} and {node}. */
  text: z.string().min(1),
});

/** What a node (or a key) does. */
export const actionSchema = z.union([
  jumpSchema,
  z.strictObject({ transfer: targetSchema, onFail: jumpSchema.optional() }),
  z.strictObject({
    redirect: z.union([targetSchema, z.array(targetSchema).min(1).max(25)]),
    timeoutSeconds: z.number().int().min(15).max(90).optional(),
  }),
  z.strictObject({
    meeting: z.union([z.string().min(1), meetingSchema]),
    /** Keep the app in the meeting after the caller joined (default: leave). */
    stay: z.boolean().optional(),
    onFail: jumpSchema.optional(),
  }),
  z.strictObject({ record: recordSchema }),
  z.strictObject({ notify: notifySchema, then: jumpSchema }),
  /** The caller waits in a call queue (QUEUES_CONFIG); onFail when the queue cannot take them. */
  z.strictObject({ queue: nodeName, onFail: jumpSchema.optional() }),
]);

const KEYS = /^[0-9*#]+$/;

export const collectSchema = z.strictObject({
  /** 1 = one key decides; more = several keys ended by the terminator, a full entry or a pause. */
  maxDigits: z.number().int().min(1).max(32).default(1),
  minDigits: z.number().int().min(1).max(32).default(1),
  terminator: z.enum(['#', '*']).optional(),
  /** Time for the first key once the prompts ended. */
  firstDigitSeconds: seconds(60).optional(),
  /** Longest pause between two keys. */
  interDigitSeconds: seconds(30).optional(),
  /** Time for the whole entry once the prompts ended. */
  overallSeconds: seconds(300).optional(),
  maxRetries: z.number().int().min(0).max(10).optional(),
  bargeIn: z.boolean().optional(),
  invalidPrompts: prompts.optional(),
  noInputPrompts: prompts.optional(),
  options: z.record(z.string().regex(KEYS, 'option keys are keys: 0-9, * and #'), actionSchema),
  onInvalid: jumpSchema.optional(),
  onNoInput: jumpSchema.optional(),
});

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const locale = z.string().regex(LOCALE, 'must be a locale such as en-US');

/** One thing a caller may ask for at a listen node: by words (phrases), by a key, or both. */
export const choiceSchema = z
  .strictObject({
    label: nodeName,
    /** Words or phrases that pick this choice when the caller says them (whole words, any case). */
    phrases: z.array(z.string().trim().min(1)).max(50).default([]),
    key: z
      .string()
      .regex(/^[0-9*#]$/, 'one key: 0-9, * or #')
      .optional(),
    do: actionSchema,
  })
  .refine((c) => c.phrases.length > 0 || c.key !== undefined, {
    message: 'a choice needs phrases (words a caller may say) or a key',
  });

/** Prompts, then a short recording understood in memory (or a key), then a branch. */
export const listenSchema = z.strictObject({
  /** The recognition language (default: the menu's, else the caller's, else SPEECH_LANGUAGE). */
  language: locale.optional(),
  choices: z.array(choiceSchema).min(1).max(30),
  maxSeconds: seconds(60).default(8),
  initialSilenceSeconds: seconds(30).default(4),
  maxSilenceSeconds: seconds(10).default(1),
  playBeep: z.boolean().default(false),
  /** A key interrupts the prompts (default: the menu's bargeIn). */
  bargeIn: z.boolean().optional(),
  maxRetries: z.number().int().min(0).max(10).optional(),
  /** Played before the node again when nothing said matched (default: the menu's invalidPrompts). */
  noMatchPrompts: prompts.optional(),
  /** Played before the node again when the caller said nothing (default: the menu's noInputPrompts). */
  silencePrompts: prompts.optional(),
  /** A caller whose words score at or below `score` (sentiment) takes `do` before any choice. */
  negative: z.strictObject({ score: z.number().max(-1).default(-3), do: actionSchema }).optional(),
  /** After the last attempt that matched nothing (default: the menu's onInvalid). */
  onNoMatch: jumpSchema.optional(),
  /** After the last silent attempt (default: the menu's onNoInput). */
  onSilence: jumpSchema.optional(),
  /** When speech cannot be recognised (service refused, throttled, timed out): default a no-match. */
  onFail: jumpSchema.optional(),
});

export const nodeSchema = z
  .strictObject({
    prompts: prompts.optional(),
    collect: collectSchema.optional(),
    listen: listenSchema.optional(),
    do: actionSchema.optional(),
  })
  .refine((n) => (n.collect ? 1 : 0) + (n.listen ? 1 : 0) + (n.do === undefined ? 0 : 1) === 1, {
    message: 'a node needs exactly one of "collect", "listen" or "do"',
  });

export const menuDefaultsSchema = z.strictObject({
  bargeIn: z.boolean().default(true),
  firstDigitSeconds: seconds(60).default(5),
  interDigitSeconds: seconds(30).default(3),
  overallSeconds: seconds(300).optional(),
  maxRetries: z.number().int().min(0).max(10).default(2),
  invalidPrompts: prompts.default(['invalid-input']),
  noInputPrompts: prompts.default([]),
  onInvalid: jumpSchema.default('hangUp'),
  onNoInput: jumpSchema.default('hangUp'),
});

export const menuSchema = z.strictObject({
  description: z.string().optional(),
  /** Who takes a caller this menu cannot serve (over the front desk's `fallback`). */
  fallback: targetSchema.optional(),
  /** The language listen nodes recognise (default: the caller's, else SPEECH_LANGUAGE). */
  language: locale.optional(),
  start: nodeName,
  defaults: menuDefaultsSchema.default(menuDefaultsSchema.parse({})),
  nodes: z.record(nodeName, nodeSchema),
});

export type Menu = z.infer<typeof menuSchema>;
export type MenuNode = z.infer<typeof nodeSchema>;
export type Collect = z.infer<typeof collectSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Jump = z.infer<typeof jumpSchema>;
export type PromptRef = z.infer<typeof promptSchema>;
export type RecordSpec = z.infer<typeof recordSchema>;
export type Listen = z.infer<typeof listenSchema>;
export type Choice = z.infer<typeof choiceSchema>;

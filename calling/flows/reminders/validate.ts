// A schedule request checked once, at the boundary, and turned into the stored record.
import { z } from 'zod';
import { ReminderError } from './errors';
import { targetOf } from './target';
import type { Reminder, RetryPolicy, ScheduleReminderRequest } from './types';
import { instantOfIso, isTimeZone } from '../../time';

const MAX_RETRIES = 10;
const MAX_BACKOFF_UNITS = 24 * 60;
const MAX_AHEAD_MS = 366 * 24 * 3_600_000;
/** A time just past (the request took a while to reach us) still counts as "now". */
const PAST_GRACE_MS = 5 * 60_000;

const units = z.number().positive().max(MAX_BACKOFF_UNITS);

const schema = z
  .object({
    who: z.string().min(1),
    name: z.string().max(200).optional(),
    when: z.string().min(1),
    timeZone: z.string().min(1),
    message: z.string().trim().min(1).max(1000),
    prompts: z.array(z.string().min(1)).min(1).max(10).optional(),
    confirm: z.boolean().optional(),
    retries: z
      .object({
        max: z.number().int().min(0).max(MAX_RETRIES),
        backoffMinutes: z.union([units, z.array(units).min(1).max(MAX_RETRIES)]),
      })
      .strict()
      .optional(),
    escalateTo: z.string().min(1).optional(),
    requestedBy: z
      .object({
        id: z.string().min(1),
        name: z.string().optional(),
        conversationId: z.string().min(1).optional(),
      })
      .strict(),
    from: z
      .object({ applicationInstance: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();

export const DEFAULT_RETRIES: RetryPolicy = { max: 2, backoffMinutes: 5 };

/** The wait before each retry, in milliseconds. */
export function backoffMs(policy: RetryPolicy, unitMs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < policy.max; i++) {
    const b = policy.backoffMinutes;
    const units = typeof b === 'number' ? b * 2 ** i : (b[Math.min(i, b.length - 1)] ?? 1);
    out.push(Math.round(units * unitMs));
  }
  return out;
}

function invalid(message: string, hint?: string): ReminderError {
  return new ReminderError('invalid_reminder', message, hint);
}

/** Checks a schedule request and builds the new reminder; throws ReminderError saying what to fix. */
export function newReminder(
  input: ScheduleReminderRequest,
  ctx: { id: string; now: number; backoffUnitMs: number; defaultFrom?: { applicationInstance: string } },
): Reminder {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the request';
    throw invalid(`The reminder's ${where} is not right: ${issue?.message ?? 'invalid'}.`);
  }
  const req = parsed.data;
  const who = targetOf(req.who, req.name);
  if (!who)
    throw invalid(
      `"${req.who}" is neither a person's object id nor a phone number.`,
      'Give the person (their Entra object id) or a number in E.164 form, e.g. +14255550123.',
    );
  if (!isTimeZone(req.timeZone))
    throw invalid(`"${req.timeZone}" is not a time zone.`, 'Use an IANA name such as Europe/Paris.');
  const dueAt = instantOfIso(req.when, req.timeZone);
  if (dueAt === undefined)
    throw invalid(
      `"${req.when}" is not a time.`,
      'Write it as ISO 8601, e.g. 2025-04-01T09:00 (read in the time zone) or 2025-04-01T07:00Z.',
    );
  if (dueAt < ctx.now - PAST_GRACE_MS) throw invalid(`${req.when} (${req.timeZone}) has already passed.`);
  if (dueAt > ctx.now + MAX_AHEAD_MS) throw invalid('A reminder can be set at most a year ahead.');
  const from = req.from ?? ctx.defaultFrom;
  if (who.kind === 'phone' && !from)
    throw invalid(
      `Calling ${who.number} needs a resource account with a phone number.`,
      'Pass from: { applicationInstance: <the resource account object id> }.',
    );
  const policy = req.retries ?? DEFAULT_RETRIES;
  return {
    id: ctx.id,
    who,
    when: req.when,
    timeZone: req.timeZone,
    dueAt,
    message: req.message,
    ...(req.prompts ? { prompts: req.prompts } : {}),
    confirm: req.confirm ?? false,
    retries: { max: policy.max, backoffMs: backoffMs(policy, ctx.backoffUnitMs) },
    ...(req.escalateTo ? { escalateTo: req.escalateTo } : {}),
    requestedBy: req.requestedBy,
    ...(from ? { from } : {}),
    status: 'scheduled',
    nextAttemptAt: Math.max(dueAt, ctx.now),
    attempts: [],
    notices: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

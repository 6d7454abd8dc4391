// The front desk's configuration: a directory of people and meetings, business hours, a concurrent
// call limit, and rules evaluated in order on every incoming call (first match wins).
import { z } from 'zod';
import { meetingSchema, partySchema, targetSchema } from '../runtime';

const TIME = /^([01]\d|2[0-4]):[0-5]\d$/;
const range = z
  .string()
  .regex(/^\d\d:\d\d-\d\d:\d\d$/, 'must be a range such as "09:00-17:30"')
  .refine((r) => {
    const [a, b] = r.split('-') as [string, string];
    return TIME.test(a) && TIME.test(b) && a < b;
  }, 'must run from an earlier to a later time of the same day (HH:MM-HH:MM, 24-hour)');
const day = z.array(range).default([]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const hoursSchema = z.strictObject({
  /** An IANA time zone, e.g. Europe/Berlin. */
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Berlin or America/New_York'),
  weekly: z.strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
  holidays: z
    .array(
      z.strictObject({
        date: z.string().regex(DATE, 'must be a date written YYYY-MM-DD'),
        name: z.string().optional(),
        /** Opening hours that day instead of the weekly ones; none means closed all day. */
        hours: z.array(range).optional(),
      }),
    )
    .default([]),
});

/** Who a rule is about: a directory name, a Teams user, or a phone number pattern (`*` and `?`). */
export const callerMatchSchema = z.union([
  z.string().min(1),
  z.strictObject({ user: z.string().min(1) }),
  z.strictObject({
    phone: z
      .string()
      .regex(/^\+?[0-9*?]+$/, 'a number pattern: digits, a leading +, * (any digits) and ? (one digit)'),
  }),
  z.strictObject({ anonymous: z.literal(true) }),
]);

export const whenSchema = z.strictObject({
  callers: z.array(callerMatchSchema).min(1).optional(),
  outsideHours: z.boolean().optional(),
  overCapacity: z.boolean().optional(),
});

export const frontDeskActionSchema = z.union([
  z.strictObject({ reject: z.enum(['none', 'busy', 'forbidden']) }),
  z.strictObject({
    redirect: z.union([targetSchema, z.array(targetSchema).min(1).max(25)]),
    timeoutSeconds: z.number().int().min(15).max(90).optional(),
  }),
  z.strictObject({
    closed: z.strictObject({
      prompts: z
        .array(z.union([z.string().min(1), z.strictObject({ say: z.string().min(1) })]))
        .min(1)
        .default(['closed']),
      /** After the message: hang up, or transfer to someone (an answered call can no longer be redirected). */
      then: z.union([z.literal('hangUp'), z.strictObject({ transfer: targetSchema })]).default('hangUp'),
    }),
  }),
  z.strictObject({ ivr: z.string().min(1) }),
  /** Answer the call into a call queue (QUEUES_CONFIG). */
  z.strictObject({ queue: z.string().min(1) }),
]);

export const ruleSchema = z.strictObject({
  name: z.string().min(1),
  /** false: the rule is switched off (kept in its place, skipped when deciding); default on. */
  enabled: z.boolean().optional(),
  /** All conditions given must hold; no `when` matches every call. */
  when: whenSchema.optional(),
  then: frontDeskActionSchema,
});

export const frontDeskConfigSchema = z.strictObject({
  description: z.string().optional(),
  people: z.record(z.string().min(1), partySchema).default({}),
  meetings: z.record(z.string().min(1), meetingSchema).default({}),
  hours: hoursSchema.optional(),
  /** Incoming calls in progress (answered by the app) beyond which `overCapacity` holds. */
  maxConcurrentCalls: z.number().int().min(1).default(20),
  rules: z.array(ruleSchema).min(1, 'needs at least one rule (the last usually answers into a menu)'),
  /**
   * Who takes a caller when something goes wrong (a prompt Graph keeps refusing, a flow that failed, a
   * call nothing drives any more). Without it the caller hears a short apology and the app hangs up.
   */
  fallback: targetSchema.optional(),
});

export type FrontDeskConfig = z.infer<typeof frontDeskConfigSchema>;
export type FrontDeskRule = z.infer<typeof ruleSchema>;
export type FrontDeskAction = z.infer<typeof frontDeskActionSchema>;
export type Hours = z.infer<typeof hoursSchema>;
export type CallerMatch = z.infer<typeof callerMatchSchema>;

// The seeded tenant (seed/tenant.json): its shape, checked once when the emulator starts.
import fs from 'node:fs';
import { z } from 'zod';

const scriptSchema = z.object({
  onRing: z.enum(['answer', 'decline', 'busy', 'ignore', 'manual']),
  answerAfterMs: z.number().int().min(0).optional(),
  keys: z
    .array(z.object({ afterMs: z.number().int().min(0), tones: z.string().regex(/^[0-9*#A-Da-d]+$/) }))
    .optional(),
  // What the person says when recorded: sound for durationMs, or words (text) lasting as long as
  // they take to say unless durationMs says otherwise.
  speech: z
    .array(
      z
        .object({
          afterMs: z.number().int().min(0),
          durationMs: z.number().int().min(1).optional(),
          text: z.string().trim().min(1).max(500).optional(),
        })
        .refine((s) => s.durationMs !== undefined || s.text !== undefined, {
          message: 'each speech entry needs "text" (words) or "durationMs" (sound without words)',
        }),
    )
    .optional(),
  hangUpAfterMs: z.number().int().min(0).optional(),
});

const personSchema = z.looseObject({
  id: z.string().min(1),
  displayName: z.string(),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  jobTitle: z.string().optional(),
  userPrincipalName: z.string(),
  mail: z.string().optional(),
  phone: z.string().optional(),
  presence: z.object({ availability: z.string(), activity: z.string() }).optional(),
  script: scriptSchema,
});

const appSchema = z.looseObject({
  appId: z.string().min(1),
  displayName: z.string(),
  secrets: z.array(z.string()),
  callingWebhook: z.string().optional(),
  identifierUri: z.string().optional(),
  graphRoles: z.array(z.string()),
  delegatedConsent: z.array(z.string()).default([]),
});

const teamSchema = z.looseObject({
  id: z.string().min(1),
  displayName: z.string(),
  description: z.string().optional(),
  internalId: z.string(),
  visibility: z.enum(['private', 'public']).default('private'),
  channels: z.array(z.object({ id: z.string(), displayName: z.string() })).default([]),
  members: z.array(z.object({ userId: z.string(), roles: z.array(z.string()).default([]) })),
});

const tenantSchema = z.looseObject({
  tenantId: z.string().min(1),
  displayName: z.string(),
  domain: z.string(),
  apps: z.array(appSchema).min(1),
  people: z.array(personSchema),
  resourceAccounts: z
    .array(
      z.looseObject({
        id: z.string(),
        displayName: z.string(),
        userPrincipalName: z.string(),
        appId: z.string(),
        phone: z.string(),
      }),
    )
    .default([]),
  applicationAccessPolicies: z
    .array(
      z.looseObject({
        name: z.string(),
        appIds: z.array(z.string()),
        users: z.array(z.string()).default([]),
        global: z.boolean().default(false),
      }),
    )
    .default([]),
  meetings: z
    .array(
      z.looseObject({
        id: z.string(),
        subject: z.string().optional(),
        organizerId: z.string(),
        threadId: z.string(),
        joinMeetingId: z.string().optional(),
        passcode: z.string().optional(),
        attendeesInMeeting: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  teams: z.array(teamSchema).default([]),
  /** Azure AI Speech as the emulator serves it: the subscription keys it accepts. */
  speech: z.object({ keys: z.array(z.string().min(1)).min(1) }).default({ keys: ['emulator-speech-key'] }),
});

export type PersonScript = z.infer<typeof scriptSchema>;
export type Person = z.infer<typeof personSchema>;
export type AppRegistration = z.infer<typeof appSchema>;
export type Tenant = z.infer<typeof tenantSchema>;
export type ResourceAccount = Tenant['resourceAccounts'][number];
export type SeedMeeting = Tenant['meetings'][number];
export type SeedTeam = Tenant['teams'][number];

/** Checks a script sent through the control API; returns the script or a readable error. */
export function parseScript(
  value: unknown,
): { ok: true; script: PersonScript } | { ok: false; message: string } {
  const result = scriptSchema.safeParse(value);
  if (result.success) return { ok: true, script: result.data };
  return { ok: false, message: z.prettifyError(result.error) };
}

/** Checks an app registration sent through the control API; returns it or a readable error. */
export function parseApp(
  value: unknown,
): { ok: true; app: AppRegistration } | { ok: false; message: string } {
  const result = appSchema.safeParse(value);
  if (result.success) return { ok: true, app: result.data };
  return { ok: false, message: z.prettifyError(result.error) };
}

/** Parses and checks a tenant object (the seed's content). */
export function parseTenant(value: unknown): Tenant {
  const result = tenantSchema.safeParse(value);
  if (!result.success) throw new Error(`invalid tenant seed:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** Reads the seed file. */
export function loadTenant(seedPath: string): Tenant {
  return parseTenant(JSON.parse(fs.readFileSync(seedPath, 'utf8')));
}

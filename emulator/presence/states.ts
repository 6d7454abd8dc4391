// Presence values (SPEC.md §7; the CSDL types availability and activity as plain strings), the pairs
// setPresence accepts, and how strongly each availability counts when sessions are aggregated.

export const AVAILABILITY = [
  'Available',
  'AvailableIdle',
  'Away',
  'BeRightBack',
  'Busy',
  'BusyIdle',
  'DoNotDisturb',
  'Offline',
  'PresenceUnknown',
] as const;

export const ACTIVITY = [
  'Available',
  'Away',
  'BeRightBack',
  'Busy',
  'DoNotDisturb',
  'InACall',
  'InAConferenceCall',
  'Inactive',
  'InAMeeting',
  'Offline',
  'OffWork',
  'OutOfOffice',
  'PresenceUnknown',
  'Presenting',
  'UrgentInterruptionsOnly',
] as const;

export type Availability = (typeof AVAILABILITY)[number];
export type Activity = (typeof ACTIVITY)[number];

/** A person's presence as Graph reports it. */
export interface PresenceState {
  availability: string;
  activity: string;
}

/**
 * The availability/activity pairs setPresence accepts: SPEC.md §7 lists the first four; the
 * documentation's session ranking includes DoNotDisturb, which only DoNotDisturb/Presenting reaches.
 */
export const SESSION_PAIRS: readonly PresenceState[] = [
  { availability: 'Available', activity: 'Available' },
  { availability: 'Busy', activity: 'InACall' },
  { availability: 'Busy', activity: 'InAConferenceCall' },
  { availability: 'Away', activity: 'Away' },
  { availability: 'DoNotDisturb', activity: 'Presenting' },
];

const RANK: Record<string, number> = {
  DoNotDisturb: 5,
  Busy: 4,
  BusyIdle: 4,
  Available: 3,
  AvailableIdle: 3,
  BeRightBack: 2,
  Away: 1,
  Offline: 0,
  PresenceUnknown: -1,
};

/** How strongly an availability counts when sessions are aggregated (DoNotDisturb > Busy > Available > Away). */
export const rankOf = (availability: string): number => RANK[availability] ?? -1;

/** True for one of the documented pairs setPresence accepts. */
export const isSessionPair = (s: PresenceState): boolean =>
  SESSION_PAIRS.some((p) => p.availability === s.availability && p.activity === s.activity);

/** setPresence's expirationDuration bounds (SPEC.md §9) and default. */
export const SESSION_MIN_MS = 5 * 60_000;
export const SESSION_MAX_MS = 4 * 60 * 60_000;
export const SESSION_DEFAULT_MS = SESSION_MIN_MS;

// Graph availability values as Fluent presence badges and words people read.

export type BadgeStatus = 'available' | 'away' | 'busy' | 'do-not-disturb' | 'offline' | 'unknown';

const STATUS: Record<string, BadgeStatus> = {
  Available: 'available',
  AvailableIdle: 'available',
  Away: 'away',
  BeRightBack: 'away',
  Busy: 'busy',
  BusyIdle: 'busy',
  DoNotDisturb: 'do-not-disturb',
  Offline: 'offline',
};

/** The badge for a Graph availability ('unknown' for values Graph adds later or PresenceUnknown). */
export function badgeStatus(availability: string | undefined): BadgeStatus {
  return (availability && STATUS[availability]) || 'unknown';
}

/** "InACall" → "In a call": Graph's PascalCase values as words. */
export function words(value: string | undefined): string {
  if (!value || value === 'PresenceUnknown') return 'Unknown';
  const spaced = value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
  return spaced.charAt(0) + spaced.slice(1).toLowerCase();
}

/** One line for a person's presence: the availability, and the activity when it says more. */
export function presenceLine(availability: string | undefined, activity: string | undefined): string {
  const a = words(availability);
  if (!activity || activity === availability) return a;
  return `${a} · ${words(activity)}`;
}

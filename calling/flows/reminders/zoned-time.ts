// Wall-clock times in IANA time zones, with nothing but Intl: a reminder "at 09:00 in Europe/Paris" is
// the instant when Paris clocks show 09:00, whatever the server's own zone is.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const ABSOLUTE = /(Z|[+-]\d{2}:?\d{2})$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    // Intl throws a RangeError for an unknown zone; that is the answer, not a failure.
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (Paris in summer: +7 200 000). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts['year']!,
    parts['month']! - 1,
    parts['day']!,
    parts['hour']!,
    parts['minute']!,
    parts['second']!,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of an ISO 8601 time: with Z or an offset it is taken as is; a local date-time is read in
 * `timeZone`. A local time skipped by a DST change moves forward by the gap; a repeated one takes the
 * first occurrence. Returns undefined for text that is not such a time.
 */
export function instantOf(iso: string, timeZone: string): number | undefined {
  const text = iso.trim();
  if (ABSOLUTE.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? undefined : t;
  }
  const m = LOCAL.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23) return undefined;
  // Two passes settle the offset that applies at the resulting instant (they differ only across a change).
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  if (second === first) {
    // In a repeated hour both instants show the same wall time; prefer the earlier one.
    const earlier = first - 3_600_000;
    return earlier + zoneOffsetMs(earlier, timeZone) === wall ? earlier : first;
  }
  // Across a change: keep the reading whose offset agrees with itself, else (a gap) the later one.
  return second + zoneOffsetMs(second, timeZone) === wall ? second : Math.max(first, second);
}

/** The instant shown as local time in the zone, e.g. "2025-04-01 09:00 (Europe/Paris)". */
export function showInZone(instant: number, timeZone: string): string {
  const local = new Date(instant + zoneOffsetMs(instant, timeZone)).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (${timeZone})`;
}

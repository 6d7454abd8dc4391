// ISO 8601 durations as setPresence's expirationDuration carries them (PT5M, PT1H30M, P1D).

/** Milliseconds of an OData duration (days, hours, minutes, seconds); undefined when unreadable. */
export function durationMs(value: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return undefined;
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
}

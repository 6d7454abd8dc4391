// Lengths of time as people type them: "20 minutes", "20m", "1h30m", "1.5 hours", "an hour", "half an hour".

const UNIT_MINUTES: Record<string, number> = {
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  d: 1440,
  day: 1440,
  days: 1440,
};

/** "1h30m", "45m", "2h" in one word. */
function compact(word: string): number | undefined {
  const m = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+)m(?:in)?)?$/.exec(word);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return Math.round(Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0));
}

/** Reads a length of time starting at words[i]; `bareMinutes` accepts a lone number as minutes. */
export function parseSpan(
  words: readonly string[],
  i: number,
  bareMinutes = false,
): { minutes: number; next: number } | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (w === 'half' && words[i + 1] === 'an' && words[i + 2] === 'hour') return { minutes: 30, next: i + 3 };
  if ((w === 'an' || w === 'a') && words[i + 1] !== undefined) {
    const unit = UNIT_MINUTES[words[i + 1]!];
    if (unit !== undefined) return { minutes: unit, next: i + 2 };
    return undefined;
  }
  const c = compact(w);
  if (c !== undefined) return more(words, { minutes: c, next: i + 1 });
  const glued = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(w);
  if (glued && UNIT_MINUTES[glued[2]!] !== undefined) {
    return more(words, { minutes: Math.round(Number(glued[1]) * UNIT_MINUTES[glued[2]!]!), next: i + 1 });
  }
  if (/^\d+(\.\d+)?$/.test(w)) {
    const unit = words[i + 1] !== undefined ? UNIT_MINUTES[words[i + 1]!] : undefined;
    if (unit !== undefined) return more(words, { minutes: Math.round(Number(w) * unit), next: i + 2 });
    if (bareMinutes && Number.isInteger(Number(w))) return { minutes: Number(w), next: i + 1 };
  }
  return undefined;
}

/** "1 hour 30 minutes", "1h 30m", "2 hours and 15 minutes": add a following smaller part. */
function more(
  words: readonly string[],
  first: { minutes: number; next: number },
): { minutes: number; next: number } {
  let j = first.next;
  if (words[j] === 'and' && /^\d/.test(words[j + 1] ?? '')) j += 1;
  if (!/^\d/.test(words[j] ?? '')) return first;
  const rest = parseSpan(words, j);
  if (!rest || rest.minutes >= first.minutes) return first;
  return { minutes: first.minutes + rest.minutes, next: rest.next };
}

/** "90 minutes" → "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

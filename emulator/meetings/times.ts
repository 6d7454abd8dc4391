// Meeting times as create and createOrGet settle them (SPEC.md §6): none → now to an hour later;
// a start only → an hour from it; an end without a start, or an end before the start → 400.
import { invalidProperty } from '../odata';

const HOUR = 3_600_000;

/** The start and end of a new meeting, in ms. */
export function meetingTimes(body: Record<string, unknown>, now: number): { start: number; end: number } {
  const read = (name: string): number | undefined => {
    const v = body[name];
    if (v === undefined || v === null) return undefined;
    const t = Date.parse(String(v));
    if (Number.isNaN(t)) throw invalidProperty(name, `'${name}' is not a valid date and time.`);
    return t;
  };
  const start = read('startDateTime');
  const end = read('endDateTime');
  if (start === undefined && end !== undefined)
    throw invalidProperty('startDateTime', "'endDateTime' was given without 'startDateTime'.");
  const s = start ?? now;
  const e = end ?? s + HOUR;
  if (e < s) throw invalidProperty('endDateTime', "'endDateTime' must not be before 'startDateTime'.");
  return { start: s, end: e };
}

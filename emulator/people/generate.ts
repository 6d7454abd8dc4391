// Generated callers: a load test needs hundreds of distinct people, the seed has a dozen. They join the
// live directory only (a reset drops them), answer like the seeded people and have no phone number.
import { randomUUID } from 'node:crypto';
import type { Person, PersonScript } from './tenant';

/** At most this many people per request: enough for any load the emulator can carry. */
export const MAX_GENERATED = 5000;

const DEFAULT_SCRIPT: PersonScript = { onRing: 'answer', answerAfterMs: 1500 };

/**
 * `count` new people numbered from `first` (so repeated requests never reuse a name), e.g.
 * "Caller 0042" with caller-0042@<domain>, each with a copy of `script`.
 */
export function generatePeople(
  count: number,
  opts: { first: number; domain: string; namePrefix?: string; script?: PersonScript },
): Person[] {
  const prefix = opts.namePrefix ?? 'Caller';
  const slug =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'caller';
  const width = Math.max(4, String(opts.first + count - 1).length);
  return Array.from({ length: count }, (_, i) => {
    const n = String(opts.first + i).padStart(width, '0');
    const upn = `${slug}-${n}@${opts.domain}`;
    return {
      id: randomUUID(),
      displayName: `${prefix} ${n}`,
      givenName: prefix,
      surname: n,
      userPrincipalName: upn,
      mail: upn,
      presence: { availability: 'Available', activity: 'Available' },
      script: structuredClone(opts.script ?? DEFAULT_SCRIPT),
      generated: true,
    };
  });
}

// How the emulator spells the ids it issues for calls and operations. Graph's documented examples show
// both a lower-case hyphenated GUID and 32 upper-case hex digits without hyphens for the same kind of
// id; issuing the second lets a test prove the app sends an id back exactly as it was given.
import { randomUUID } from 'node:crypto';

export const ID_STYLES = ['guid', 'compact-upper'] as const;
export type IdStyle = (typeof ID_STYLES)[number];

/** A new random id in the style. */
export function newId(style: IdStyle = 'guid'): string {
  const id = randomUUID();
  return style === 'compact-upper' ? id.replace(/-/g, '').toUpperCase() : id;
}

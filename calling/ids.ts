// Graph ids as the app matches them and as it sends them. Graph spells one call or operation id both as a
// lower-case hyphenated GUID and as 32 upper-case hex digits across its own messages (SPEC §0.3). The app
// matches and stores ids by a key that folds the spellings together, and keeps the spelling Graph used
// beside it for everything it sends back (the "wire id"): it never invents a spelling of its own.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT_GUID = /^[0-9a-f]{32}$/i;

/**
 * The key an id is matched and stored by: a GUID in any spelling becomes lower-case hyphenated; any other
 * id is kept as it is (folding its case could make two different ids one).
 */
export function idKey(id: string): string {
  if (GUID.test(id)) return id.toLowerCase();
  if (COMPACT_GUID.test(id)) {
    const h = id.toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return id;
}

/** Whether two ids name the same call or operation, however each is spelled. */
export function sameId(a: string, b: string): boolean {
  return idKey(a) === idKey(b);
}

import type { CsdlEnumType } from './model';

// Enum values in OData JSON are strings (the OData JSON reader reads them with a string read): a
// member name, matched case-sensitively as the OData ABNF `enumerationMember` is an identifier, or
// the member's integer value written as a string. A flags enum takes several such parts joined by
// commas. A JSON number is refused, as the OData JSON reader refuses it.

export type EnumVerdict =
  | { ok: true }
  | { ok: false; reason: 'kind' }
  | { ok: false; reason: 'member'; part: string; caseHint: string | undefined };

const INTEGER = /^-?\d+$/;

/** Checks one non-null JSON value against an enum type. */
export function checkEnum(type: CsdlEnumType, value: unknown): EnumVerdict {
  if (typeof value !== 'string') return { ok: false, reason: 'kind' };
  const parts = type.isFlags ? value.split(',').map((p) => p.trim()) : [value];
  for (const part of parts) {
    if (!isMember(type, part)) {
      const hint = type.members.find((m) => m.name.toLowerCase() === part.toLowerCase())?.name;
      return { ok: false, reason: 'member', part, caseHint: hint };
    }
  }
  return { ok: true };
}

function isMember(type: CsdlEnumType, part: string): boolean {
  if (type.members.some((m) => m.name === part)) return true;
  if (!INTEGER.test(part)) return false;
  const n = Number(part);
  if (type.members.some((m) => m.value === n)) return true;
  // A flags value may be any combination of member bits.
  if (!type.isFlags || n < 0) return false;
  const all = type.members.reduce((acc, m) => acc | m.value, 0);
  return (n & ~all) === 0;
}

// Who someone is, from a Graph identitySet (SPEC §1): the first identity kind present, in this order.
const KINDS = [
  'user',
  'phone',
  'applicationInstance',
  'application',
  'guest',
  'device',
  'encrypted',
] as const;

export type IdentityKind = (typeof KINDS)[number] | 'unknown';

/** A caller's or participant's identity, flattened. */
export interface PartyIdentity {
  readonly kind: IdentityKind;
  readonly id?: string;
  readonly displayName?: string;
  readonly tenantId?: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Reads an identitySet; { kind: 'unknown' } when it names nobody. */
export function readIdentity(identitySet: unknown): PartyIdentity {
  if (typeof identitySet !== 'object' || identitySet === null) return { kind: 'unknown' };
  const set = identitySet as Record<string, unknown>;
  for (const kind of KINDS) {
    const v = set[kind];
    if (typeof v !== 'object' || v === null) continue;
    const i = v as Record<string, unknown>;
    const out: { kind: IdentityKind; id?: string; displayName?: string; tenantId?: string } = { kind };
    const id = str(i['id']);
    const displayName = str(i['displayName']);
    const tenantId = str(i['tenantId']);
    if (id) out.id = id;
    if (displayName) out.displayName = displayName;
    if (tenantId) out.tenantId = tenantId;
    return out;
  }
  return { kind: 'unknown' };
}

/** The identity inside a participantInfo-like object (`{ identity }`). */
export function identityOfInfo(info: unknown): PartyIdentity {
  if (typeof info !== 'object' || info === null) return { kind: 'unknown' };
  return readIdentity((info as Record<string, unknown>)['identity']);
}

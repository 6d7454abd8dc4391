// People and meetings flows talk about: a directory of names (from the front desk's configuration)
// and the conversion between a caller's identity and a Party the calling service can dial.
import { z } from 'zod';
import type { Party, PartyIdentity } from '../../core';

const E164 = /^\+[1-9]\d{6,14}$/;

/** A person given inline: a Teams user (object id) or an E.164 number. */
export const partySchema = z.union([
  z.strictObject({
    user: z.string().min(1, 'needs the user object id'),
    displayName: z.string().min(1).optional(),
    tenantId: z.string().min(1).optional(),
  }),
  z.strictObject({
    phone: z.string().regex(E164, 'must be an E.164 number such as +14255550123'),
    displayName: z.string().min(1).optional(),
  }),
]);

/** Someone to reach: a directory name or an inline party. */
export const targetSchema = z.union([z.string().min(1), partySchema]);
export type Target = z.infer<typeof targetSchema>;

export const meetingSchema = z.strictObject({
  joinUrl: z.url({ message: 'must be a Teams meeting link (https://teams.microsoft.com/...)' }),
  subject: z.string().optional(),
});

/** Named people and meetings that rules and menus refer to. */
export interface Directory {
  readonly people: Readonly<Record<string, Party>>;
  readonly meetings: Readonly<Record<string, { readonly joinUrl: string; readonly subject?: string }>>;
}

export const EMPTY_DIRECTORY: Directory = { people: {}, meetings: {} };

/** The Party for a target, or an Error naming the unknown name. */
export function resolveTarget(target: Target, dir: Directory): Party {
  if (typeof target !== 'string') return target as Party;
  const p = dir.people[target];
  if (!p) throw new Error(`"${target}" is not in the directory (people:)`);
  return p;
}

/** A caller as someone the app can invite or transfer; undefined when the identity cannot be dialled. */
export function partyOfIdentity(id: PartyIdentity): Party | undefined {
  if (!id.id) return undefined;
  if (id.kind === 'user')
    return {
      user: id.id,
      ...(id.displayName ? { displayName: id.displayName } : {}),
      ...(id.tenantId ? { tenantId: id.tenantId } : {}),
    };
  if (id.kind === 'phone') return { phone: id.id };
  return undefined;
}

/** How a caller reads in a timeline line or a card. */
export function describeIdentity(id: PartyIdentity): string {
  if (id.displayName && id.id) return `${id.displayName} (${id.id})`;
  return id.displayName ?? id.id ?? `an unidentified ${id.kind} caller`;
}

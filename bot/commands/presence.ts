import { presenceCard } from '../cards/presence-card';
import { resolvePeople } from '../people/resolve';
import type { Person } from '../ports';
import type { CommandOf, PersonQuery } from './command';
import type { Outcome, Scope } from './scope';

const MAX_ROSTER = 20;

/** Whom "presence" alone means: the people in this conversation (in a personal chat, the requester). */
async function conversationPeople(s: Scope): Promise<PersonQuery[]> {
  if (s.conversationType === 'personal') return [{ kind: 'me' }];
  const members = await s.roster.members();
  return members
    .filter((m) => m.aadObjectId)
    .slice(0, MAX_ROSTER)
    .map((m) => ({ kind: 'id' as const, id: m.aadObjectId!, label: m.name }));
}

/** presence [people...]: availability and activity, with a call button beside reachable people. */
export async function presence(cmd: CommandOf<'presence'>, s: Scope): Promise<Outcome> {
  const queries = cmd.people.length > 0 ? cmd.people : await conversationPeople(s);
  const r = await resolvePeople(queries, s, 'presence', (people) => ({ kind: 'presence', people }));
  if (!r.ok) return r.outcome;
  const people: Person[] = r.people;
  const found = people.length > 0 ? await s.ports.presence.getMany(people.map((p) => p.id)) : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const rows = people.map((person) => {
    const info = byId.get(person.id);
    return info ? { person, presence: info } : { person };
  });
  return { card: presenceCard(rows), inPlace: s.via === 'card' && cmd.people.every((p) => p.kind === 'id') };
}

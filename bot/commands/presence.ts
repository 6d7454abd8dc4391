import { presenceCard } from '../cards/presence-card';
import { resolvePeople } from '../people/resolve';
import type { Person } from '../ports';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

const MAX_ROSTER = 20;

/**
 * Whom "presence" alone means: the people in this conversation that the directory knows (guests and bots
 * are left out); in a personal chat, the requester.
 */
async function conversationPeople(s: Scope): Promise<Person[]> {
  const ids =
    s.conversationType === 'personal'
      ? [s.requester.aadObjectId]
      : (await s.roster.members()).map((m) => m.aadObjectId).slice(0, MAX_ROSTER);
  const found = await Promise.all(ids.map((id) => (id ? s.ports.people.getById(id) : undefined)));
  return found.filter((p): p is Person => p !== undefined);
}

/** presence [people...]: availability and activity, with a call button beside reachable people. */
export async function presence(cmd: CommandOf<'presence'>, s: Scope): Promise<Outcome> {
  let people: Person[];
  if (cmd.people.length > 0) {
    const r = await resolvePeople(cmd.people, s, 'presence', (q) => ({ kind: 'presence', people: q }));
    if (!r.ok) return r.outcome;
    people = r.people;
  } else {
    people = await conversationPeople(s);
  }
  const found = people.length > 0 ? await s.ports.presence.getMany(people.map((p) => p.id)) : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const rows = people.map((person) => {
    const info = byId.get(person.id);
    return info ? { person, presence: info } : { person };
  });
  return { card: presenceCard(rows), inPlace: s.via === 'card' && cmd.people.every((p) => p.kind === 'id') };
}

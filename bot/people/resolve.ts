import { errorCard } from '../cards/error-card';
import { pickPersonCard } from '../cards/pick-card';
import type { Command, PartyQuery, PersonQuery } from '../commands/command';
import type { Outcome, Scope } from '../commands/scope';
import type { CallTarget, Person } from '../ports';

type One =
  { kind: 'found'; person: Person } | { kind: 'ambiguous'; candidates: Person[] } | { kind: 'missing' };

const MAX_CANDIDATES = 8;

/** The words a person typed for this query, for messages. */
export function queryLabel(q: PartyQuery): string {
  switch (q.kind) {
    case 'me':
      return 'you';
    case 'mention':
      return q.name;
    case 'email':
      return q.address;
    case 'name':
      return q.text;
    case 'id':
      return q.label ?? q.id;
    case 'phone':
      return q.number;
  }
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

async function byText(text: string, s: Scope): Promise<One> {
  const found = await s.ports.people.search(text, { limit: MAX_CANDIDATES + 1 });
  const exact = found.filter(
    (p) => same(p.displayName, text) || same(p.mail, text) || same(p.userPrincipalName, text),
  );
  if (exact.length === 1) return { kind: 'found', person: exact[0]! };
  if (found.length === 1) return { kind: 'found', person: found[0]! };
  if (found.length === 0) return { kind: 'missing' };
  return { kind: 'ambiguous', candidates: (exact.length > 1 ? exact : found).slice(0, MAX_CANDIDATES) };
}

async function byId(id: string | undefined, s: Scope): Promise<One> {
  const person = id ? await s.ports.people.getById(id) : undefined;
  return person ? { kind: 'found', person } : { kind: 'missing' };
}

/** One query to a directory person: a mention through the Teams roster, the rest through the directory. */
async function resolveOne(q: PersonQuery, s: Scope): Promise<One> {
  switch (q.kind) {
    case 'me':
      return byId(s.requester.aadObjectId, s);
    case 'id':
      return byId(q.id, s);
    case 'email': {
      const r = await byText(q.address, s);
      return r.kind === 'found' &&
        (same(r.person.mail, q.address) || same(r.person.userPrincipalName, q.address))
        ? r
        : { kind: 'missing' };
    }
    case 'name':
      return byText(q.text, s);
    case 'mention': {
      const member = await s.roster.member(q.id);
      if (member?.aadObjectId) {
        const r = await byId(member.aadObjectId, s);
        if (r.kind === 'found') return r;
      }
      const address = member?.email ?? member?.userPrincipalName;
      if (address) {
        const r = await byText(address, s);
        if (r.kind === 'found') return r;
      }
      return byText(q.name, s);
    }
  }
}

function missingCard(q: PartyQuery, command: string): Outcome {
  if (q.kind === 'me') {
    return {
      card: errorCard({
        title: 'I cannot find you in the directory',
        message:
          "Your Teams account is not in this organization's directory (guests are not), so I cannot call you.",
        hint: 'Ask me to call a phone number instead: "call +14255550100".',
        code: 'requester_unknown',
      }),
    };
  }
  return {
    card: errorCard({
      title: `I cannot find "${queryLabel(q)}"`,
      message: 'Nobody in the directory matches that.',
      hint: 'Check the spelling, use their email address, @mention them, or give a phone number in E.164 form (+14255550100).',
      command,
      code: 'person_not_found',
    }),
  };
}

export type Resolution = { ok: true; targets: CallTarget[] } | { ok: false; outcome: Outcome };

/**
 * Resolves parties in order. Each found person is pinned by id in the command that a pick card re-runs,
 * so a second ambiguity does not ask about the first again. A several-word name nobody has is tried word
 * by word ("adele megan" → Adele and Megan). Duplicates are dropped.
 */
export async function resolveParties(
  queries: readonly PartyQuery[],
  s: Scope,
  command: string,
  rebuild: (queries: PartyQuery[]) => Command,
  opts: { splitNames?: boolean } = {},
): Promise<Resolution> {
  const work: PartyQuery[] = [...queries];
  const targets: CallTarget[] = [];
  for (let i = 0; i < work.length; i++) {
    const q = work[i]!;
    if (q.kind === 'phone') {
      targets.push({ kind: 'phone', number: q.number });
      continue;
    }
    const r = await resolveOne(q, s);
    if (r.kind === 'found') {
      work[i] = { kind: 'id', id: r.person.id, label: r.person.displayName };
      targets.push({ kind: 'person', person: r.person });
      continue;
    }
    if (r.kind === 'ambiguous') {
      const pick = (p: Person) =>
        rebuild(work.map((w, j) => (j === i ? { kind: 'id', id: p.id, label: p.displayName } : w)));
      return {
        ok: false,
        outcome: { card: pickPersonCard(queryLabel(q), r.candidates, pick), inPlace: s.via === 'card' },
      };
    }
    const words = q.kind === 'name' ? q.text.split(/\s+/).filter(Boolean) : [];
    if (opts.splitNames && words.length > 1) {
      const each = await Promise.all(words.map((text) => resolveOne({ kind: 'name', text }, s)));
      if (each.every((e) => e.kind !== 'missing')) {
        work.splice(i, 1, ...words.map((text) => ({ kind: 'name' as const, text })));
        i -= 1;
        continue;
      }
    }
    return { ok: false, outcome: missingCard(q, command) };
  }
  return { ok: true, targets: dedupe(targets) };
}

function dedupe(targets: CallTarget[]): CallTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = t.kind === 'person' ? `p:${t.person.id}` : `n:${t.number}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Resolves people only (presence, meeting attendees); a phone number cannot appear here. */
export async function resolvePeople(
  queries: readonly PersonQuery[],
  s: Scope,
  command: string,
  rebuild: (queries: PersonQuery[]) => Command,
): Promise<{ ok: true; people: Person[] } | { ok: false; outcome: Outcome }> {
  const r = await resolveParties(queries, s, command, (q) => rebuild(q as PersonQuery[]), {
    splitNames: true,
  });
  if (!r.ok) return r;
  return { ok: true, people: r.targets.flatMap((t) => (t.kind === 'person' ? [t.person] : [])) };
}

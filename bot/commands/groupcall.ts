import { callCard } from '../cards/call-card';
import { errorCard } from '../cards/error-card';
import { resolveParties } from '../people/resolve';
import type { CallTarget } from '../ports';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** groupcall <people...>: a group call with the requester and the people named. */
export async function groupcall(cmd: CommandOf<'groupcall'>, s: Scope): Promise<Outcome> {
  const r = await resolveParties(cmd.targets, s, 'groupcall', (targets) => ({ kind: 'groupcall', targets }), {
    splitNames: true,
  });
  if (!r.ok) return r.outcome;
  const targets: CallTarget[] = [...r.targets];
  // The requester takes part in the call they asked for, when the directory knows them.
  const me = s.requester.aadObjectId ? await s.ports.people.getById(s.requester.aadObjectId) : undefined;
  if (me && !targets.some((t) => t.kind === 'person' && t.person.id === me.id)) {
    targets.unshift({ kind: 'person', person: me });
  }
  if (targets.length < 2) {
    return {
      card: errorCard({
        title: 'A group call needs at least two people',
        message: 'Only one person is left once duplicates are removed.',
        hint: 'For a call with one person use "call"; otherwise name more people, separated by commas.',
        command: 'groupcall',
        code: 'too_few_people',
      }),
    };
  }
  const placed = await s.ports.calls.placeGroupCall(targets, s.requester);
  return { card: callCard(placed, { now: s.clock.now, refreshUserIds: [s.userId] }), track: placed };
}

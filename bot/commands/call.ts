import { callCard } from '../cards/call-card';
import { errorCard } from '../cards/error-card';
import { resolveParties } from '../people/resolve';
import type { CallTarget } from '../ports';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

const nameOf = (t: CallTarget) => (t.kind === 'person' ? t.person.displayName : t.number);

/**
 * call <person|number>: connects the requester with them, as click-to-call does (the requester is rung
 * first, then they are brought in); "call me" rings the requester. A call from Switchboard alone is
 * "announce".
 */
export async function call(cmd: CommandOf<'call'>, s: Scope): Promise<Outcome> {
  const r = await resolveParties([cmd.target], s, 'call', ([target]) => ({ kind: 'call', target: target! }));
  if (!r.ok) return r.outcome;
  const target = r.targets[0]!;
  const meId = s.requester.aadObjectId;
  const shown = (placed: Awaited<ReturnType<typeof s.ports.calls.placeCall>>, note?: string): Outcome => ({
    card: callCard(placed, { now: s.clock.now, refreshUserIds: [s.userId], ...(note ? { note } : {}) }),
    track: placed,
  });
  if (target.kind === 'person' && meId && target.person.id.toLowerCase() === meId.toLowerCase()) {
    return shown(await s.ports.calls.placeCall(target, s.requester));
  }
  const me = meId ? await s.ports.people.getById(meId) : undefined;
  if (!me) {
    return {
      card: errorCard({
        title: 'I cannot ring you first',
        message: `To connect you with ${nameOf(target)} I ring you first, but the directory does not know you.`,
        hint: `Use "connect" with your number and theirs, or "announce ${nameOf(target)}" to have Switchboard call them alone.`,
        command: 'call',
        code: 'requester_unknown',
      }),
    };
  }
  const placed = await s.ports.calls.connect({ kind: 'person', person: me }, target, s.requester);
  return shown(placed, `I am ringing you first; once you answer I bring ${nameOf(target)} in.`);
}

/** announce <person|number>: Switchboard calls them alone, on the requester's behalf. */
export async function announce(cmd: CommandOf<'announce'>, s: Scope): Promise<Outcome> {
  const r = await resolveParties([cmd.target], s, 'announce', ([target]) => ({
    kind: 'announce',
    target: target!,
  }));
  if (!r.ok) return r.outcome;
  const target = r.targets[0]!;
  const placed = await s.ports.calls.placeCall(target, s.requester);
  return {
    card: callCard(placed, {
      now: s.clock.now,
      refreshUserIds: [s.userId],
      note: `Switchboard is calling ${nameOf(target)} on your behalf; you are not in this call.`,
    }),
    track: placed,
  };
}

// Which people a change to one call can concern. Recomputing everyone's presence after every change of
// every call costs people × calls per notification, which a load of hundreds of calls cannot afford;
// only the people on the call now, and those who were on it at the last change, can have moved.
import type { CallRec } from '../graph';

const peopleOn = (call: CallRec): string[] =>
  [...call.participants.values()].flatMap((p) => (!p.isBot && p.personId ? [p.personId] : []));

/** Remembers each live call's people between changes. */
export class CallPresenceScope {
  private readonly last = new Map<string, string[]>();

  /** The people whose presence a change of `call` may have changed; forgets the call once it ended. */
  affected(call: CallRec): string[] {
    const now = peopleOn(call);
    const before = this.last.get(call.id) ?? [];
    if (call.state === 'terminated') this.last.delete(call.id);
    else this.last.set(call.id, now);
    return [...new Set([...before, ...now])];
  }

  /** Forgets every call (after a reset). */
  clear(): void {
    this.last.clear();
  }
}

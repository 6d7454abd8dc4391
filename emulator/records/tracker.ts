// Follows the call engine's calls while they last, remembering everyone who was ever in a call's
// roster with when they joined and left (the roster itself forgets people who leave), and when the
// call was first established. When the call ends, the history is handed over for its call record.
import type { CallRec } from '../graph';

export type Json = Record<string, unknown>;

/** One roster entry's time in a call. */
export interface Attendance {
  participantId: string;
  /** participantInfo JSON as the engine keeps it. */
  info: Json;
  personId?: string;
  isBot: boolean;
  joinedAt: number;
  leftAt?: number;
}

/** What a call record is built from. */
export interface EndedCall {
  call: CallRec;
  establishedAt?: number;
  attendance: Attendance[];
}

interface Tracked {
  establishedAt?: number;
  attendance: Map<string, Attendance>;
}

/** Per-call roster history, fed by the engine's change and end hooks. */
export class CallTracker {
  private readonly calls = new Map<string, Tracked>();

  constructor(private readonly now: () => number) {}

  /** Records what changed since the last look at the call. */
  changed(call: CallRec): void {
    if (call.state !== 'terminated') this.observe(call);
  }

  private observe(call: CallRec): void {
    let t = this.calls.get(call.id);
    if (!t) {
      t = { attendance: new Map() };
      this.calls.set(call.id, t);
    }
    const now = this.now();
    if (t.establishedAt === undefined && call.state === 'established') t.establishedAt = now;
    for (const p of call.participants.values()) {
      if (t.attendance.has(p.id)) continue;
      t.attendance.set(p.id, {
        participantId: p.id,
        info: structuredClone(p.info),
        ...(p.personId ? { personId: p.personId } : {}),
        isBot: p.isBot,
        joinedAt: now,
      });
    }
    for (const a of t.attendance.values())
      if (a.leftAt === undefined && !call.participants.has(a.participantId)) a.leftAt = now;
  }

  /** Closes the call's history; everyone still in the roster leaves when the call ends. */
  ended(call: CallRec): EndedCall {
    this.observe(call);
    const t = this.calls.get(call.id) ?? { attendance: new Map<string, Attendance>() };
    this.calls.delete(call.id);
    const end = call.endedAt ?? this.now();
    const attendance = [...t.attendance.values()].map((a) => ({ ...a, leftAt: a.leftAt ?? end }));
    return { call, ...(t.establishedAt !== undefined ? { establishedAt: t.establishedAt } : {}), attendance };
  }

  /** Forgets every call (after a reset). */
  clear(): void {
    this.calls.clear();
  }
}

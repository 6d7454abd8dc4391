// Merging roster notifications (SPEC §4) into the roster we keep, and the joins/leaves they amount to.
// `updated` carries the whole roster; `created`/`deleted` carry the participants added/removed.
// rosterSequenceNumber orders changes per participant: an entry older than what we hold is ignored,
// and a participant missing from a snapshot is dropped only when the snapshot is at least as new as
// that participant's last change (or when Graph sent no sequence numbers at all).
// Participants are matched by their id's key (ids.ts) and keep the first spelling Graph gave: it is what
// requests about them send back.
import { idKey } from '../ids';
import type { ChangeType } from '../types';

export interface RosterEntry {
  /** The participant id as Graph first spelled it. */
  readonly id: string;
  readonly seq?: number;
  readonly resource: Readonly<Record<string, unknown>>;
}

/** The roster as stored, by participant id key: who is present, and the sequence number at which each leaver left. */
export interface Roster {
  readonly present: Readonly<Record<string, RosterEntry>>;
  readonly gone: Readonly<Record<string, number | null>>;
}

export interface RosterChange {
  readonly roster: Roster;
  readonly joined: RosterEntry[];
  readonly left: RosterEntry[];
  readonly changed: RosterEntry[];
}

export const EMPTY_ROSTER: Roster = { present: {}, gone: {} };

function seqOf(p: Record<string, unknown>): number | undefined {
  const v = p['rosterSequenceNumber'];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

function toEntry(p: Record<string, unknown>): RosterEntry | undefined {
  const id = p['id'];
  if (typeof id !== 'string' || id === '') return undefined;
  const seq = seqOf(p);
  return seq === undefined ? { id, resource: p } : { id, seq, resource: p };
}

const older = (a: number | undefined, b: number | null | undefined) =>
  a !== undefined && b !== undefined && b !== null && a < b;

const byKey = <T>(map: Readonly<Record<string, T>>): Record<string, T> =>
  Object.fromEntries(Object.entries(map).map(([id, v]) => [idKey(id), v]));

/** Reads a stored roster tolerantly (an empty one for anything else; keys of older rows re-keyed). */
export function readRoster(value: unknown): Roster {
  if (typeof value !== 'object' || value === null) return EMPTY_ROSTER;
  const v = value as Partial<Roster>;
  return { present: byKey(v.present ?? {}), gone: byKey(v.gone ?? {}) };
}

/** The present participant with this id, however spelled. */
export function presentEntry(roster: Roster, participantId: string): RosterEntry | undefined {
  return roster.present[idKey(participantId)];
}

/** Applies one roster notification; pure. */
export function applyRoster(
  roster: Roster,
  changeType: ChangeType,
  data: ReadonlyArray<Record<string, unknown>>,
): RosterChange {
  const present: Record<string, RosterEntry> = { ...roster.present };
  const gone: Record<string, number | null> = { ...roster.gone };
  const joined: RosterEntry[] = [];
  const left: RosterEntry[] = [];
  const changed: RosterEntry[] = [];
  const entries = data.map(toEntry).filter((e): e is RosterEntry => e !== undefined);

  const remove = (key: string, atSeq: number | undefined) => {
    const had = present[key];
    if (!had) return;
    if (older(atSeq, had.seq)) return;
    delete present[key];
    gone[key] = atSeq ?? had.seq ?? null;
    left.push(had);
  };

  if (changeType === 'deleted') {
    for (const e of entries) remove(idKey(e.id), e.seq);
    return { roster: { present, gone }, joined, left, changed };
  }

  for (const notified of entries) {
    const key = idKey(notified.id);
    const had = present[key];
    const e = had ? { ...notified, id: had.id } : notified;
    if (had && older(e.seq, had.seq)) continue;
    if (!had && key in gone) {
      const leftAt = gone[key];
      // Same or older than the leave: a late copy of the participant from before they left.
      if (e.seq === undefined || leftAt === null || leftAt === undefined || e.seq <= leftAt) continue;
      delete gone[key];
    }
    present[key] = e;
    if (!had) joined.push(e);
    else if (JSON.stringify(had.resource) !== JSON.stringify(e.resource)) changed.push(e);
  }

  if (changeType === 'updated') {
    const seqs = entries.map((e) => e.seq).filter((s): s is number => s !== undefined);
    const newest = seqs.length > 0 ? Math.max(...seqs) : undefined;
    const listed = new Set(entries.map((e) => idKey(e.id)));
    for (const [id, had] of Object.entries(present)) {
      if (listed.has(id)) continue;
      if (newest === undefined || had.seq === undefined || newest >= had.seq) remove(id, newest);
    }
  }
  return { roster: { present, gone }, joined, left, changed };
}

// A Graph callRecord (microsoft.graph.callRecords.callRecord) reduced to what the app keeps: who took
// part, when, and how. People are read from organizer_v2 / participants_v2 (the deprecated organizer /
// participants identity sets are read only when a record has no v2 data); only Teams users count, since
// they are the people who sign in to the tab.
import type { CallRecordSummary } from '../storage';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The user id of an identitySet / communicationsIdentitySet, if a Teams user is in it. */
function userIdOf(identity: unknown): string | undefined {
  const user = isObject(identity) ? identity['user'] : undefined;
  const id = isObject(user) ? user['id'] : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id.trim().toLowerCase() : undefined;
}

/** A participantBase's user id (its identity's, not the entry's own id, which need not be a user). */
const v2UserId = (p: unknown): string | undefined => (isObject(p) ? userIdOf(p['identity']) : undefined);

function time(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}

function version(v: unknown): number | undefined {
  // Int64 may arrive as a JSON string when a client asks for IEEE754-compatible numbers.
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function uniq(ids: Array<string | undefined>): string[] {
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** The record's summary, or undefined when it lacks an id, a version or its times. */
export function summariseRecord(raw: unknown): CallRecordSummary | undefined {
  if (!isObject(raw)) return undefined;
  const id = typeof raw['id'] === 'string' ? raw['id'].trim().toLowerCase() : '';
  const v = version(raw['version']);
  const startAt = time(raw['startDateTime']);
  const endAt = time(raw['endDateTime']);
  if (!id || v === undefined || startAt === undefined || endAt === undefined) return undefined;
  const v2 = Array.isArray(raw['participants_v2']) ? (raw['participants_v2'] as unknown[]) : undefined;
  const v1 = Array.isArray(raw['participants']) ? (raw['participants'] as unknown[]) : [];
  const participantIds = uniq(v2 && v2.length > 0 ? v2.map(v2UserId) : v1.map(userIdOf));
  const organizerId =
    (isObject(raw['organizer_v2']) ? v2UserId(raw['organizer_v2']) : undefined) ??
    userIdOf(raw['organizer']) ??
    null;
  const modalities = Array.isArray(raw['modalities'])
    ? uniq(raw['modalities'].map((m) => (typeof m === 'string' ? m : undefined)))
    : [];
  return {
    id,
    version: v,
    type: typeof raw['type'] === 'string' ? raw['type'] : 'unknown',
    modalities,
    startAt,
    endAt: Math.max(startAt, endAt),
    organizerId,
    participantIds,
  };
}

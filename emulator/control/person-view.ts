// A call as one simulated person sees it on their softphone: whether it rings for them, who is on it,
// and the call's timeline without the notification bodies (those stay on GET .../timeline).
import type { CallEngine, CallRec, ParticipantRec, TimelineEntry } from '../graph';
import { involves } from '../graph';

/** Where the person stands on a call. */
export type PersonCallStatus = 'ringing' | 'calling' | 'connected' | 'left' | 'ended';

export interface ParticipantView {
  id: string;
  name: string;
  kind: 'app' | 'person' | 'phone' | 'other';
  personId: string | null;
  me: boolean;
  isMuted: boolean;
  onHold: boolean;
  inLobby: boolean;
}

export interface PersonCallView {
  id: string;
  kind: CallRec['kind'];
  state: CallRec['state'];
  /** The person called the app (true) or the app (or someone through it) called them. */
  placedByMe: boolean;
  status: PersonCallStatus;
  appName: string;
  pstn: boolean;
  meetingId: string | null;
  toneSubscribed: boolean;
  participants: ParticipantView[];
  resultInfo: CallRec['resultInfo'];
  createdAt: string;
  endedAt: string | null;
}

const same = (a: string | undefined, b: string): boolean => a?.toLowerCase() === b.toLowerCase();

function identityOf(p: ParticipantRec): Record<string, { id?: string; displayName?: string } | undefined> {
  return ((p.info.identity ?? {}) as Record<string, { id?: string; displayName?: string }>) ?? {};
}

function participantView(engine: CallEngine, call: CallRec, p: ParticipantRec, me: string): ParticipantView {
  const ids = identityOf(p);
  const person = p.personId ? engine.directory.person(p.personId) : undefined;
  const app = engine.directory.app(call.appId);
  const viaPhone = ids.phone?.id;
  const name = p.isBot
    ? (ids.applicationInstance?.displayName ?? ids.application?.displayName ?? app?.displayName ?? 'The app')
    : (person?.displayName ?? ids.user?.displayName ?? viaPhone ?? ids.guest?.displayName ?? 'Someone');
  return {
    id: p.id,
    name: person && viaPhone ? `${person.displayName} (${viaPhone})` : name,
    kind: p.isBot ? 'app' : person ? 'person' : viaPhone ? 'phone' : 'other',
    personId: p.personId ?? null,
    me: same(p.personId, me),
    isMuted: p.isMuted,
    onHold: p.onHold,
    inLobby: p.isInLobby,
  };
}

/** True when the person is connected to the call (in its roster). */
const connected = (call: CallRec, personId: string): boolean =>
  [...call.participants.values()].some((p) => same(p.personId, personId));

/** The person who called the app (also when they invited it into a meeting), if they did. */
function callerOf(call: CallRec): string | undefined {
  if (call.direction !== 'incoming') return undefined;
  const dialled = call.timeline.find((e) => e.kind === 'person' && e.event === 'calls-app');
  return call.remotePersonId ?? (typeof dialled?.personId === 'string' ? dialled.personId : undefined);
}

/** The person's status on a call. */
export function statusOf(call: CallRec, personId: string): PersonCallStatus {
  if (call.state === 'terminated') return 'ended';
  if ([...call.ringing].some((id) => same(id, personId))) return 'ringing';
  if (!connected(call, personId)) return 'left';
  const waiting = ['incoming', 'establishing', 'redirecting'].includes(call.state);
  return waiting && same(callerOf(call), personId) ? 'calling' : 'connected';
}

/** The call as the person sees it. */
export function personCallView(engine: CallEngine, call: CallRec, personId: string): PersonCallView {
  return {
    id: call.id,
    kind: call.kind,
    state: call.state,
    placedByMe: same(callerOf(call), personId),
    status: statusOf(call, personId),
    appName: engine.directory.app(call.appId)?.displayName ?? 'The app',
    pstn: call.pstn,
    meetingId: call.meetingId ?? null,
    toneSubscribed: call.toneSubscribed,
    participants: [...call.participants.values()].map((p) => participantView(engine, call, p, personId)),
    resultInfo: call.resultInfo,
    createdAt: new Date(call.createdAt).toISOString(),
    endedAt: call.endedAt ? new Date(call.endedAt).toISOString() : null,
  };
}

/** A timeline entry for the page: notification bodies left out (they can be large), a tone kept. */
export function pageEntry(entry: TimelineEntry): TimelineEntry {
  const { body, ...rest } = entry;
  const data = (body as { resourceData?: { toneInfo?: { tone?: unknown } } } | undefined)?.resourceData;
  const tone = data?.toneInfo?.tone;
  return typeof tone === 'string' ? { ...rest, tone } : rest;
}

/** True when the call concerns the person now, or did at any point (their events are in its timeline). */
export function concerns(call: CallRec, personId: string): boolean {
  if (involves(call, personId) || same(call.remotePersonId, personId)) return true;
  return call.timeline.some((e) => typeof e.personId === 'string' && same(e.personId, personId));
}

/** The person's calls: live ones, then the most recent ended ones (at most `recent`). */
export function callsOf(engine: CallEngine, personId: string, recent = 5): CallRec[] {
  const mine = engine.list().filter((c) => concerns(c, personId));
  const live = mine.filter((c) => c.state !== 'terminated');
  const ended = mine.filter((c) => c.state === 'terminated').slice(0, recent);
  return [...live, ...ended];
}

// The emulator's view of a call, person by person: where each person involved really is. Some are rung
// on the call itself; someone brought in by consultation (click-to-call rings B while A waits) is rung
// on another call of the same app, placed to them while this one was connected. Read from the
// emulator alone: its calls, their rosters and timelines; never from the app.
import type { RunningEmulator } from '../../helpers/emulator';
import type { Phase, Status, Truth } from './truth';

interface EmuEntry {
  t: number;
  kind: string;
  event?: string;
  personId?: string;
  to?: string;
}

export interface EmuCall {
  id: string;
  appId: string;
  direction: string;
  state: string;
  kind: string;
  remotePersonId: string | null;
  meetingId: string | null;
  participants: Array<{ id: string; personId: string | null; isBot: boolean; isMuted: boolean }>;
  resultInfo?: { code: number; subcode: number } | null;
  createdAt: string;
}

const PERSON_EVENTS: Record<string, Status> = {
  ringing: 'ringing',
  answered: 'joined',
  decline: 'declined',
  busy: 'busy',
  noAnswer: 'noAnswer',
  left: 'left',
  'hang-up': 'left',
};

// A completed transfer hands the call over (0/7015), and a consultation call it replaced ends 200/7015:
// the person transferred and the one they were put through to talk on.
const handedOver = (c: EmuCall) => c.state === 'terminated' && c.resultInfo?.subcode === 7015;

async function read(emu: RunningEmulator, id: string) {
  const call = (await emu.control<EmuCall>('GET', `/emulator/calls/${id}`)).body;
  const timeline = (await emu.control<{ value: EmuEntry[] }>('GET', `/emulator/calls/${id}/timeline`)).body
    .value;
  return { call, timeline };
}

/**
 * Each person's last status on one call, by person id; those still on it once it ended left it. On a
 * consultation call (`leg`), a ring the app stopped by hanging up ended unanswered.
 */
function peopleOn(call: EmuCall, timeline: readonly EmuEntry[], leg = false): Map<string, Status> {
  const people = new Map<string, Status>();
  for (const e of timeline) {
    const status = e.kind === 'person' && e.personId ? PERSON_EVENTS[e.event ?? ''] : undefined;
    if (status) people.set(e.personId!, status);
  }
  const ended = call.state === 'terminated';
  const after: Status = ended && !handedOver(call) ? 'left' : 'joined';
  for (const p of call.participants) if (!p.isBot && p.personId) people.set(p.personId, after);
  for (const [who, s] of people) {
    if (s === 'joined') people.set(who, after);
    if (leg && s === 'ringing' && ended) people.set(who, 'noAnswer');
  }
  return people;
}

const stateAt = (timeline: readonly EmuEntry[], to: string) =>
  timeline.find((e) => e.kind === 'state' && e.to === to)?.t;

/** The same app's calls placed to one person while `call` was connected: its consultations. */
async function consultationsOf(emu: RunningEmulator, call: EmuCall, timeline: readonly EmuEntry[]) {
  const from = stateAt(timeline, 'established');
  if (from === undefined) return [];
  const until = stateAt(timeline, 'terminated') ?? Infinity;
  const all = (await emu.control<{ value: EmuCall[] }>('GET', '/emulator/calls')).body.value;
  const legs = all.filter((c) => {
    const at = Date.parse(c.createdAt);
    return (
      c.id !== call.id &&
      c.appId === call.appId &&
      c.direction === 'outgoing' &&
      c.kind === 'p2p' &&
      c.remotePersonId !== null &&
      at >= from &&
      at <= until
    );
  });
  return Promise.all(legs.map((c) => read(emu, c.id)));
}

/** The emulator's record of the call and of the people it involved (GET /emulator/calls/...). */
export async function emulatorTruth(emu: RunningEmulator, callId: string, now = Date.now()): Promise<Truth> {
  const { call, timeline } = await read(emu, callId);
  const name = (id: string) =>
    emu.people.find((p) => p.id.toLowerCase() === id.toLowerCase())?.displayName ?? id;
  const ended = call.state === 'terminated';
  const people: Record<string, Status> = {};
  for (const [id, s] of peopleOn(call, timeline)) people[name(id)] = s;
  const legs = await consultationsOf(emu, call, timeline);
  for (const leg of legs) for (const [id, s] of peopleOn(leg.call, leg.timeline, true)) people[name(id)] = s;
  const connected = stateAt(timeline, 'established');
  const endedAt = stateAt(timeline, 'terminated') ?? now;
  const ringing = Object.values(people).includes('ringing');
  const consulting = legs.some((l) => l.call.state !== 'terminated');
  const phase: Phase = ended
    ? 'ended'
    : call.state === 'transferring' || (call.state === 'established' && consulting)
      ? 'transferring'
      : call.state === 'established'
        ? 'connected'
        : ringing
          ? 'ringing'
          : 'connecting';
  return {
    phase,
    people,
    ...(call.resultInfo && ended ? { end: `${call.resultInfo.code}/${call.resultInfo.subcode}` } : {}),
    ...(connected !== undefined ? { seconds: Math.round((endedAt - connected) / 1000) } : {}),
  };
}

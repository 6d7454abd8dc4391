// What one surface says about a call, in one shape, so the chat card, the tab and the emulator can be
// held to the same truth: the phase, who is in it with which status, the end, and how long it lasted.
import type { TabCall } from '../../../teams-tab/api/calls/call-view';

export type Phase = TabCall['phase'];
export type Status = TabCall['people'][number]['status'];

export interface Truth {
  readonly phase: Phase;
  /** Everyone but the app, by name. */
  readonly people: Readonly<Record<string, Status>>;
  /** The end in words (the card and the tab), or Graph's code/subcode (the emulator). */
  readonly end?: string;
  /** Seconds connected so far, or how long it lasted once ended; absent when it never connected. */
  readonly seconds?: number;
}

const CARD_PHASES: Record<string, Phase> = {
  'Ringing…': 'ringing',
  'Connecting…': 'connecting',
  Connected: 'connected',
  'On hold': 'onHold',
  'Transferring…': 'transferring',
  Ended: 'ended',
};

// The catalogue's words for a person's status, as the card writes them in brackets.
const CARD_STATUS: Record<string, Status> = {
  ringing: 'ringing',
  left: 'left',
  declined: 'declined',
  busy: 'busy',
  'no answer': 'noAnswer',
  'could not be reached': 'unreachable',
  'removed from the call': 'removed',
};

/** "2 min 05 s", "1 h 02 min", "12 s" in seconds. */
export function secondsOf(words: string): number {
  const m = /^(?:(\d+) h )?(?:(\d+) min)? ?(?:(\d+) s)?$/.exec(words.trim());
  if (!m || words.trim() === '') throw new Error(`not a duration: "${words}"`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** The call card's text as the Playground shows it. */
export function cardTruth(text: string): Truth {
  const status = text
    .split('\n')
    .map((l) => /^(Ringing…|Connecting…|Connected|On hold|Transferring…|Ended)(?: · (.*))?$/.exec(l))
    .find((m) => m !== null);
  if (!status) throw new Error(`no status line on the card:\n${text}`);
  const phase = CARD_PHASES[status[1]!]!;
  const rest = status[2] ?? '';
  const people: Record<string, Status> = {};
  for (const line of text.split('\n')) {
    const m = /^• (.+?)(?: \((.+)\))?$/.exec(line);
    if (!m) continue;
    const marks = (m[2] ?? '').split(', ').filter((x) => x && x !== 'phone' && !/^mut/.test(x));
    people[m[1]!] = marks.length === 0 ? 'joined' : (CARD_STATUS[marks[0]!] ?? (marks[0] as Status));
  }
  let seconds: number | undefined;
  let end: string | undefined;
  if (phase === 'connected') {
    const so = /^(.*) so far$/.exec(rest);
    if (so) seconds = secondsOf(so[1]!);
  }
  if (phase === 'ended') {
    const [lasted, ...words] = rest.split(' · ');
    if (lasted?.startsWith('lasted ')) seconds = secondsOf(lasted.slice('lasted '.length));
    end = words.join(' · ') || undefined;
  }
  return { phase, people, ...(end ? { end } : {}), ...(seconds !== undefined ? { seconds } : {}) };
}

/** The tab's view of the call (GET /api/tab/calls/:id). */
export function tabTruth(call: TabCall, now = Date.now()): Truth {
  const people: Record<string, Status> = {};
  for (const p of call.people) if (!p.isBot) people[p.name] = p.status;
  const from = call.connectedAt ? Date.parse(call.connectedAt) : undefined;
  const to = call.endedAt ? Date.parse(call.endedAt) : now;
  return {
    phase: call.phase,
    people,
    ...(call.endReason ? { end: call.endReason } : {}),
    ...(from !== undefined ? { seconds: Math.round((to - from) / 1000) } : {}),
  };
}

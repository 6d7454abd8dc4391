// "Everywhere": the chat card, the tab and the emulator each say the same thing about one call.
import { isDeepStrictEqual } from 'node:util';
import type { ChatCard } from './chat-card';
import { emulatorTruth } from './emulator-truth';
import { cardTruth, tabTruth, type Phase, type Status, type Truth } from './truth';
import type { World } from './world';

export interface Expected {
  readonly phase: Phase;
  /** Everyone but the app, by name, with their status. */
  readonly people: Readonly<Record<string, Status>>;
  /** Compare only these people's statuses (others are another test's business); default everyone. */
  readonly only?: readonly string[];
  /** How it ended: the words the card and the tab say, and Graph's code/subcode the emulator gave. */
  readonly end?: { readonly words: RegExp; readonly graph: RegExp };
}

export interface Seen {
  /** Absent for a call the chat has no card of (a reminder's call: its outcome card comes after). */
  readonly card: Truth | undefined;
  readonly tab: Truth | undefined;
  readonly emulator: Truth;
}

/** Reads the call from the three places at (about) the same moment. */
export async function look(w: World, card: ChatCard | undefined, callId: string): Promise<Seen> {
  const [tab, emulator] = await Promise.all([w.tab.call(callId), emulatorTruth(w.emu, callId)]);
  return { card: card && cardTruth(card.text()), tab: tab && tabTruth(tab), emulator };
}

function problems(seen: Seen, want: Expected): string[] {
  const out: string[] = [];
  const check = (where: keyof Seen, t: Truth | undefined) => {
    if (!t) return void out.push(`${where}: does not show the call`);
    if (t.phase !== want.phase) out.push(`${where}: phase ${t.phase}, not ${want.phase}`);
    const people = want.only
      ? Object.fromEntries(Object.entries(t.people).filter(([name]) => want.only!.includes(name)))
      : { ...t.people };
    if (!isDeepStrictEqual(people, { ...want.people }))
      out.push(`${where}: people ${JSON.stringify(t.people)}, not ${JSON.stringify(want.people)}`);
    if (want.end) {
      const re = where === 'emulator' ? want.end.graph : want.end.words;
      if (!t.end || !re.test(t.end)) out.push(`${where}: ended "${t.end ?? ''}", not ${re}`);
    }
    const connected = want.phase === 'connected' || want.phase === 'onHold';
    if (connected && t.seconds === undefined) out.push(`${where}: no time connected`);
  };
  if (seen.card) check('card', seen.card);
  check('tab', seen.tab);
  check('emulator', seen.emulator);
  return out;
}

/**
 * Waits until the card, the tab and the emulator all say what is expected of the call (each updates on
 * its own schedule); fails naming what each place says.
 */
export async function everywhere(
  w: World,
  card: ChatCard | undefined,
  callId: string,
  want: Expected,
  timeoutMs = 20_000,
): Promise<Seen> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const seen = await look(w, card, callId);
    const wrong = problems(seen, want);
    if (wrong.length === 0) return seen;
    if (Date.now() > end)
      throw new Error(
        `the three places do not agree that the call is ${JSON.stringify(want)}:\n` +
          `${wrong.join('\n')}\ncard:\n${card?.text() ?? '(none)'}\nseen: ${JSON.stringify(seen, null, 1)}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until the emulator has a call for which `pred` holds; resolves with its id. */
export async function emulatorCallWhere(
  w: World,
  pred: (c: {
    id: string;
    state: string;
    remotePersonId: string | null;
    meetingId: string | null;
  }) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const list = await w.emu.control<{
      value: Array<{ id: string; state: string; remotePersonId: string | null; meetingId: string | null }>;
    }>('GET', '/emulator/calls');
    const found = list.body.value.find(pred);
    if (found) return found.id;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The callers of the storm: each caller's walk through the shipped main
// menu (config/ivr/main.yaml), written as an emulator script (keys counted from connecting, a hang-up).
// Keys come at random intervals of 1-3 s and are chosen so that the menu reacts to every one of them:
//   *            repeats the menu (keeps the call going; retries are not reset)
//   6-9, #       invalid: the menu re-prompts; a third invalid entry would end the call, so at most 2
//                between two visits of the main node through a goto
//   3            records a call-back request; the caller stays silent, so after the prompt, the beep and
//                4 s of silence the menu says it heard nothing and goes back to main (a goto: retries reset);
//                keys are ignored meanwhile, so the next one waits
//   1, 2, 0      end the call: transfer to sales or support (seeded people who answer by script, or the
//                menu apologises when they are busy) or goodbye
// Keys 4 (extension) and 5 (meeting) are left out: a multi-key entry reacts only to its last key, and
// the meeting path moves the caller to another call.
import { prng } from '../../test/helpers/prng';

export interface CallerScript {
  readonly onRing: 'answer';
  readonly keys: { afterMs: number; tones: string }[];
  readonly hangUpAfterMs: number;
}

export interface WalkOptions {
  /** How long a caller who does not leave early stays, from connecting. */
  readonly durationMs: number;
  /** The first key no earlier than this after connecting (the welcome prompt takes no keys). */
  readonly firstKeyMs?: number;
  /** Share of callers who hang up at a random moment before the end. */
  readonly earlyHangUps?: number;
}

/** Time the menu ignores keys after a 3: record prompt, beep, 4 s of silence, "we did not hear anything". */
export const RECORDING_PAUSE_MS = 11_500;
const INVALID = ['6', '7', '8', '9', '#'];
const ENDING = ['1', '2', '0'];

const between = (rand: () => number, lo: number, hi: number): number => Math.round(lo + rand() * (hi - lo));
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

/** One caller's script: single keys at 1-3 s intervals until they hang up or a key ends the call. */
export function callerScript(rand: () => number, o: WalkOptions): CallerScript {
  const early = rand() < (o.earlyHangUps ?? 0.1);
  const hangUpAfterMs = early ? between(rand, 5000, o.durationMs) : o.durationMs;
  const keys: { afterMs: number; tones: string }[] = [];
  let at = (o.firstKeyMs ?? 3000) + between(rand, 1000, 3000);
  let invalidLeft = 2;
  while (at < hangUpAfterMs) {
    const r = rand();
    let key: string;
    if (r < 0.01) key = pick(rand, ENDING);
    else if (r < 0.04) key = '3';
    else if (r < 0.24 && invalidLeft > 0) key = pick(rand, INVALID);
    else key = '*';
    keys.push({ afterMs: at, tones: key });
    if (ENDING.includes(key)) break;
    if (INVALID.includes(key)) invalidLeft -= 1;
    if (key === '3') invalidLeft = 2;
    at += (key === '3' ? RECORDING_PAUSE_MS : 0) + between(rand, 1000, 3000);
  }
  return { onRing: 'answer', keys, hangUpAfterMs };
}

/** Scripts for `calls` callers, the same for a given seed and round (both targets get the same load). */
export function stormScripts(seed: number, round: number, calls: number, o: WalkOptions): CallerScript[] {
  const generator = prng(seed * 1009 + round);
  const rand = () => generator.next();
  return Array.from({ length: calls }, () => callerScript(rand, o));
}

// The IVR's position in a call, as saved in the call's flow (never anything taken from a recording
// beyond the branch it led to), and the settings in force at a node.
import type { Collect, Menu, MenuNode, PromptRef } from './menu-schema';

export type IvrPhase =
  'answering' | 'prompting' | 'collecting' | 'listening' | 'retrying' | 'recording' | 'acting' | 'done';

export interface IvrState {
  /** A menu id, or '@inline' for a menu carried in the state (the front desk's closed message). */
  readonly menu: string;
  readonly inline?: Menu;
  readonly node: string;
  readonly phase: IvrPhase;
  /** Keys entered so far at a collecting node. */
  readonly digits: string;
  /** Invalid entries and timeouts at the current node. */
  readonly retries: number;
  /** When the current phase began (to find the operation a lost task had started). */
  readonly since: number;
  /** The option key (or a listen node's choice label) whose action is running (absent: the node's `do`). */
  readonly via?: string;
  /** A recording was made: its references are removed again when the call ends. */
  readonly recorded?: boolean;
  /** Why the front desk put the call here. */
  readonly origin?: string;
  /** Times the current node's prompts were sent again after Graph failed them (reset once they play). */
  readonly attempt?: number;
  /** The call runs the fallback (fallback.ts): one more failure and the app hangs up. */
  readonly fallback?: true;
  /** The IVR has hung up: if the call is still up later, only a hang-up is left to do. */
  readonly hangingUp?: true;
}

/** The first state of an IVR on a call. */
export function initialIvrState(
  menu: string,
  opts: { inline?: Menu; origin?: string; now: number },
): IvrState {
  return {
    menu,
    ...(opts.inline ? { inline: opts.inline } : {}),
    node: '',
    phase: 'answering',
    digits: '',
    retries: 0,
    since: opts.now,
    ...(opts.origin ? { origin: opts.origin } : {}),
  };
}

/** Collect settings with the menu's defaults filled in. */
export interface Settings {
  readonly maxDigits: number;
  readonly minDigits: number;
  readonly terminator?: '#' | '*';
  readonly firstMs: number;
  readonly interMs: number;
  readonly overallMs: number;
  readonly maxRetries: number;
  readonly bargeIn: boolean;
  readonly invalidPrompts: readonly PromptRef[];
  readonly noInputPrompts: readonly PromptRef[];
  readonly options: Collect['options'];
  readonly onInvalid: NonNullable<Collect['onInvalid']>;
  readonly onNoInput: NonNullable<Collect['onNoInput']>;
}

/** The settings of a collecting node. */
export function settingsOf(menu: Menu, c: Collect): Settings {
  const d = menu.defaults;
  const first = c.firstDigitSeconds ?? d.firstDigitSeconds;
  const inter = c.interDigitSeconds ?? d.interDigitSeconds;
  const overall = c.overallSeconds ?? d.overallSeconds ?? first + inter * c.maxDigits;
  return {
    maxDigits: c.maxDigits,
    minDigits: c.minDigits,
    ...(c.terminator ? { terminator: c.terminator } : {}),
    firstMs: first * 1000,
    interMs: inter * 1000,
    overallMs: overall * 1000,
    maxRetries: c.maxRetries ?? d.maxRetries,
    bargeIn: c.bargeIn ?? d.bargeIn,
    invalidPrompts: c.invalidPrompts ?? d.invalidPrompts,
    noInputPrompts: c.noInputPrompts ?? d.noInputPrompts,
    options: c.options,
    onInvalid: c.onInvalid ?? d.onInvalid,
    onNoInput: c.onNoInput ?? d.onNoInput,
  };
}

/** What one key does to an entry in progress. */
export type KeyOutcome =
  | { readonly kind: 'more'; readonly digits: string }
  | { readonly kind: 'complete'; readonly entry: string }
  | { readonly kind: 'invalid'; readonly entry: string };

/** Adds a key to the entry: completes on the terminator or at maxDigits, else waits for more. */
export function addKey(
  s: Pick<Settings, 'maxDigits' | 'minDigits' | 'terminator'>,
  digits: string,
  key: string,
): KeyOutcome {
  if (s.terminator && key === s.terminator) {
    return digits.length >= s.minDigits
      ? { kind: 'complete', entry: digits }
      : { kind: 'invalid', entry: digits };
  }
  const next = digits + key;
  return next.length >= s.maxDigits ? { kind: 'complete', entry: next } : { kind: 'more', digits: next };
}

/** The node a state points at, if the menu has it. */
export function nodeOf(menu: Menu | undefined, name: string): MenuNode | undefined {
  return menu?.nodes[name];
}

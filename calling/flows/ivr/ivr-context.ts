// What the IVR needs from the app, and the small helpers its handlers share.
import type { AnalyseDeps } from '../analysis';
import type { SpeechRecogniser } from '../speech';
import type { CallFlowControl, Directory, Target } from '../runtime';
import type { TextPrompts } from '../tts';
import type { IvrState } from './ivr-state';
import type { MenuSet } from './load-menus';
import type { Jump, Menu, MenuNode } from './menu-schema';
import type { Notifier } from './notifier';

export interface IvrDeps {
  readonly menus: MenuSet;
  /** The directory in force (the front desk's people and meetings). */
  readonly directory: () => Promise<Directory>;
  /** Text prompts (`say:`); without it such prompts fail. */
  readonly tts?: TextPrompts;
  readonly notifier: Notifier;
  /** Where notifications go when a node names no target. */
  readonly notifyTarget?: string;
  readonly recording: AnalyseDeps;
  /** Speech recognition for listen nodes (without it they hear nothing, and keys still work). */
  readonly speech?: { readonly recogniser: SpeechRecogniser; readonly language: string };
  /** Who takes a caller the IVR cannot serve (the front desk's `fallback`); none: goodbye and hang up. */
  readonly fallback?: () => Promise<Target | undefined>;
  /** Starts the queue flow on the call (`queue:` steps); without it they take their onFail. */
  readonly enterQueue?: (callId: string, queue: string, origin: string) => Promise<void>;
}

/** One step's view: the state, the control, and the menu and node it points at. */
export interface Step {
  readonly deps: IvrDeps;
  readonly ctl: CallFlowControl;
  readonly s: IvrState;
  readonly menu: Menu | undefined;
  readonly node: MenuNode | undefined;
}

/** The menu a state runs. */
export function menuOf(deps: IvrDeps, s: IvrState): Menu | undefined {
  return s.menu === '@inline' ? s.inline : deps.menus.get(s.menu);
}

/** A jump in words, for the timeline. */
export function describeJump(j: Jump): string {
  if (typeof j === 'string') return j === 'hangUp' ? 'hang up' : 'repeat';
  return 'goto' in j ? `go to ${j.goto}` : `go to menu ${j.menu}`;
}

// The listen node in the IVR: after its prompts, a short recording is understood in memory (listen-task)
// and the caller goes to the choice they named, the negative branch, or a re-prompt; a key works as in
// a collecting node. The timeline says which branch was taken ("heard: billing"), never what was said.
import type { CallView } from '../../core';
import { NO_RECOGNISER } from '../speech';
import { act, enter, hangUp, jump } from './ivr-actions';
import { describeJump, type Step } from './ivr-context';
import type { IvrState } from './ivr-state';
import { promptTask } from './ivr-tasks';
import { callIsOver } from './ivr-retry';
import { listenTask, type Heard } from './listen-task';
import type { Listen, Menu } from './menu-schema';

// As in a collecting node: the next prompt waits for a barge-in's cancel, but not for ever.
const CANCEL_WAIT_MS = 10_000;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** The `via` of the negative branch's action (choices use their label). */
export const NEGATIVE_VIA = '@negative';

/** A listen node's settings with the menu's defaults filled in. */
export function listenSettingsOf(menu: Menu, l: Listen) {
  const d = menu.defaults;
  return {
    maxRetries: l.maxRetries ?? d.maxRetries,
    bargeIn: l.bargeIn ?? d.bargeIn,
    noMatchPrompts: l.noMatchPrompts ?? d.invalidPrompts,
    silencePrompts: l.silencePrompts ?? d.noInputPrompts,
    onNoMatch: l.onNoMatch ?? d.onInvalid,
    onSilence: l.onSilence ?? d.onNoInput,
  };
}

/** The caller's language as Graph gives it (source.languageId), when it is a locale. */
export function callerLanguage(call: CallView): string | undefined {
  const source = call.resource['source'] as { languageId?: unknown } | undefined;
  const id = source?.languageId;
  return typeof id === 'string' && LOCALE.test(id) ? id : undefined;
}

/** The node's language, else the menu's, else the caller's, else the app's default. */
export function languageFor(st: Step, l: Listen): string {
  return (
    l.language ?? st.menu?.language ?? callerLanguage(st.ctl.call) ?? st.deps.speech?.language ?? 'en-US'
  );
}

/** Starts the recording and its recognition. */
export function startListening(st: Step, l: Listen): IvrState {
  const { ctl, deps } = st;
  ctl.spawn(
    'listen',
    listenTask(ctl.calling, ctl.callId, l, languageFor(st, l), {
      fetchRecording: deps.recording.fetchRecording,
      forget: deps.recording.forget,
      recogniser: deps.speech?.recogniser ?? NO_RECOGNISER,
    }),
    { after: 'cancel' },
  );
  ctl.note(`ivr ${st.s.menu}/${st.s.node}: listening`);
  return { ...st.s, phase: 'listening', since: ctl.now, recorded: true };
}

type Miss = 'invalid' | 'noMatch' | 'silence' | 'failed';

/** Nothing usable: the re-prompt and the node again, or, after the last attempt, the node's branch. */
function missed(st: Step, l: Listen, kind: Miss, what: string): Promise<IvrState> | IvrState {
  if (!st.menu) return hangUp(st, 'the menu is gone');
  const set = listenSettingsOf(st.menu, l);
  const at = `ivr ${st.s.menu}/${st.s.node}`;
  if (kind === 'failed' && l.onFail) {
    st.ctl.note(`${at}: ${what}; ${describeJump(l.onFail)}`);
    return jump(st, l.onFail);
  }
  const retries = st.s.retries + 1;
  const s: IvrState = { ...st.s, retries, digits: '' };
  if (retries > set.maxRetries) {
    st.ctl.note(`${at}: ${what}, attempt ${retries} of ${set.maxRetries + 1}; giving up`);
    return jump({ ...st, s }, kind === 'silence' ? set.onSilence : set.onNoMatch);
  }
  st.ctl.note(`${at}: ${what}, attempt ${retries} of ${set.maxRetries + 1}`);
  const prompts = kind === 'silence' ? set.silencePrompts : set.noMatchPrompts;
  if (prompts.length === 0) return enter({ ...st, s }, s.node, { keepRetries: true });
  st.ctl.spawn(
    'prompt',
    promptTask(st.ctl.calling, st.ctl.callId, prompts, st.deps.tts, { log: st.ctl.log }),
    {
      after: 'cancel',
    },
  );
  return { ...s, phase: 'retrying', since: st.ctl.now };
}

/** A key at a listen node: it interrupts the prompts or the recording and picks the choice with that key. */
export async function onListenKey(st: Step, l: Listen, digit: string): Promise<IvrState> {
  const { s, ctl } = st;
  if (!st.menu) return s;
  if (s.phase === 'prompting' || s.phase === 'retrying') {
    if (!listenSettingsOf(st.menu, l).bargeIn) return s;
    ctl.forgetTask('prompt');
    ctl.clearTimer('resend');
    ctl.spawn('cancel', () => ctl.calling.cancelMedia(ctl.callId, { timeoutMs: CANCEL_WAIT_MS }));
  } else if (s.phase === 'listening') {
    // The key stopped the recording (every key is a stop tone); what it holds is not needed any more.
    ctl.forgetTask('listen');
  } else return s;
  const choice = l.choices.find((c) => c.key === digit);
  if (!choice) return missed(st, l, 'invalid', `invalid entry "${digit}"`);
  ctl.note(`ivr ${s.menu}/${s.node}: caller entered "${digit}"`);
  return act({ ...st, s: { ...s, digits: '' } }, choice.do, choice.label);
}

/** The listen task reported back: the branch it found. */
export function onListened(
  st: Step,
  l: Listen,
  e: { ok: true; value: unknown } | { ok: false; error: Error },
) {
  const { s, ctl } = st;
  if (s.phase !== 'listening') return s;
  if (!e.ok) {
    if (callIsOver(e.error)) return { ...s, phase: 'done' as const, since: ctl.now };
    return missed(st, l, 'failed', `the recording failed (${e.error.message})`);
  }
  const heard = e.value as Heard;
  const at = `ivr ${s.menu}/${s.node}`;
  switch (heard.outcome) {
    case 'choice': {
      const choice = l.choices.find((c) => c.label === heard.label);
      if (!choice) return hangUp(st, `the choice "${heard.label}" is gone`);
      ctl.note(`${at}: heard: ${choice.label}`);
      return act(st, choice.do, choice.label);
    }
    case 'negative':
      if (!l.negative) return missed(st, l, 'noMatch', 'heard no choice');
      ctl.note(`${at}: heard: a negative caller`);
      return act(st, l.negative.do, NEGATIVE_VIA);
    case 'noMatch':
      return missed(st, l, 'noMatch', 'heard no choice');
    case 'silence':
      return missed(st, l, 'silence', 'heard nothing');
    default:
      return missed(st, l, 'failed', `speech could not be recognised: ${heard.why}`);
  }
}

// The IVR as a flow bound to its call (its key is the call's): a reducer over call events (begin,
// keys, timers, finished tasks, restarts). Its position lives in the flows table, so it continues after
// a restart.
import { idKey } from '../../ids';
import { callControl, type FlowHandler } from '../runtime';
import { act, enter, hangUp, jump, pendingAction } from './ivr-actions';
import { menuOf, type IvrDeps, type Step } from './ivr-context';
import { onDone } from './ivr-done';
import { onListenKey } from './ivr-listen';
import { addKey, settingsOf, type IvrState } from './ivr-state';
import { answerTask } from './answer-task';
import { hangUpTask, promptTask, recordTask, tonesTask } from './ivr-tasks';
import type { Jump } from './menu-schema';

export const IVR_FLOW = 'ivr';
// The next prompt waits for a barge-in's cancel (it must not reach Graph first); a cancel whose
// completion is lost must not hold it up for the whole operation timeout.
const CANCEL_WAIT_MS = 10_000;

function step(deps: IvrDeps, s: IvrState, ctl: Step['ctl']): Step {
  const menu = menuOf(deps, s);
  return { deps, ctl, s, menu, node: menu?.nodes[s.node] };
}

/** An invalid entry or a timeout: the retry prompts and the node again, or the give-up jump. */
function retry(st: Step, kind: 'invalid' | 'noInput', entry: string): Promise<IvrState> | IvrState {
  const c = st.node?.collect;
  if (!c || !st.menu) return hangUp(st, 'not collecting');
  const set = settingsOf(st.menu, c);
  const retries = st.s.retries + 1;
  const what = kind === 'invalid' ? `invalid entry "${entry}"` : 'no entry in time';
  st.ctl.clearTimer('input');
  st.ctl.clearTimer('overall');
  const s: IvrState = { ...st.s, retries, digits: '' };
  if (retries > set.maxRetries) {
    const giveUp: Jump = kind === 'invalid' ? set.onInvalid : set.onNoInput;
    st.ctl.note(`ivr ${s.menu}/${s.node}: ${what}, attempt ${retries} of ${set.maxRetries + 1}; giving up`);
    return jump({ ...st, s }, giveUp);
  }
  st.ctl.note(`ivr ${s.menu}/${s.node}: ${what}, attempt ${retries} of ${set.maxRetries + 1}`);
  const prompts = kind === 'invalid' ? set.invalidPrompts : set.noInputPrompts;
  if (prompts.length === 0) return enter({ ...st, s }, s.node, { keepRetries: true });
  st.ctl.spawn(
    'prompt',
    promptTask(st.ctl.calling, st.ctl.callId, prompts, st.deps.tts, { log: st.ctl.log }),
    { after: 'cancel' },
  );
  return { ...s, phase: 'retrying', since: st.ctl.now };
}

/** A complete entry: the option it names, or a retry. */
async function evaluate(st: Step, entry: string): Promise<IvrState> {
  st.ctl.clearTimer('input');
  st.ctl.clearTimer('overall');
  const option = st.node?.collect?.options[entry];
  if (!option) return retry(st, 'invalid', entry);
  st.ctl.note(`ivr ${st.s.menu}/${st.s.node}: caller entered "${entry}"`);
  return act({ ...st, s: { ...st.s, digits: '' } }, option, entry);
}

async function onKey(st: Step, digit: string): Promise<IvrState> {
  if (st.node?.listen) return onListenKey(st, st.node.listen, digit);
  const c = st.node?.collect;
  if (!c || !st.menu) return st.s;
  const set = settingsOf(st.menu, c);
  let s = st.s;
  if (s.phase === 'prompting' || s.phase === 'retrying') {
    if (!set.bargeIn) return s;
    // Barge-in: the key interrupts the prompt (Graph's cancelMediaProcessing) and starts the entry.
    st.ctl.forgetTask('prompt');
    st.ctl.clearTimer('resend');
    st.ctl.spawn('cancel', () => st.ctl.calling.cancelMedia(st.ctl.callId, { timeoutMs: CANCEL_WAIT_MS }));
    s = { ...s, phase: 'collecting', digits: '', since: st.ctl.now };
    if (set.maxDigits > 1) st.ctl.setTimer('overall', set.overallMs);
  } else if (s.phase !== 'collecting') return s;
  const out = addKey(set, s.digits, digit);
  const next: Step = { ...st, s };
  if (out.kind === 'complete') return evaluate(next, out.entry);
  if (out.kind === 'invalid') return retry(next, 'invalid', out.entry + digit);
  st.ctl.setTimer('input', set.interMs);
  return { ...s, digits: out.digits };
}

/** After a restart: pick up whatever was in progress. */
async function onResume(st: Step, lost: readonly string[]): Promise<IvrState> {
  const { s, ctl } = st;
  if (s.phase === 'answering') {
    ctl.spawn('answer', answerTask(ctl.calling, ctl.callId));
    return s;
  }
  if (lost.includes('tones')) ctl.spawn('tones', tonesTask(ctl.calling, ctl.callId));
  if (lost.includes('hangUp')) ctl.spawn('hangUp', hangUpTask(ctl.calling, ctl.callId));
  if ((s.phase === 'prompting' || s.phase === 'retrying') && lost.includes('prompt'))
    return enter(st, s.node, { keepRetries: true, clearFirst: true });
  if (s.phase === 'listening' && lost.includes('listen'))
    return enter(st, s.node, { keepRetries: true, clearFirst: true });
  if (s.phase === 'recording' && lost.includes('record')) {
    const a = pendingAction(st);
    if (a && typeof a === 'object' && 'record' in a) {
      ctl.spawn('record', recordTask(ctl.calling, ctl.callId, a.record, st.deps.recording, s.since));
      return s;
    }
  }
  if (s.phase === 'acting' && lost.some((t) => ['transfer', 'meeting', 'redirect'].includes(t))) {
    if (ctl.call.state === 'established') return enter(st, s.node, { keepRetries: true, clearFirst: true });
  }
  return s;
}

/** The IVR flow handler for the runtime. */
export function createIvrFlow(deps: IvrDeps): FlowHandler<IvrState> {
  return {
    kind: IVR_FLOW,
    async handle(s, event, flowCtl) {
      const ctl = callControl(flowCtl);
      const st = step(deps, s, ctl);
      switch (event.type) {
        case 'begin': {
          const start = st.menu?.nodes[st.menu.start];
          // A start node that redirects acts before answering (Graph redirects only unanswered calls).
          if (start?.do && !start.prompts?.length && typeof start.do === 'object' && 'redirect' in start.do)
            return act({ ...st, s: { ...s, node: st.menu!.start } }, start.do);
          if (ctl.call.state !== 'incoming') {
            // Handed an answered call (the fallback taking over): straight to the start node.
            ctl.note(`ivr ${s.menu}: taking over the call${s.origin ? ` (${s.origin})` : ''}`);
            return enter(st, st.menu?.start ?? '', { clearFirst: true });
          }
          ctl.note(`ivr ${s.menu}: answering${s.origin ? ` (${s.origin})` : ''}`);
          ctl.spawn('answer', answerTask(ctl.calling, ctl.callId));
          return s;
        }
        case 'resume':
          return onResume(st, event.lostTasks);
        case 'tone':
          return onKey(st, event.digit);
        case 'timer':
          if (event.name === 'resend')
            return s.phase === 'prompting' || s.phase === 'retrying'
              ? enter(st, s.node, { keepRetries: true, keepAttempt: true, clearFirst: true })
              : s;
          if (s.phase !== 'collecting') return s;
          return s.digits === '' ? retry(st, 'noInput', '') : evaluate(st, s.digits);
        case 'done':
          return onDone(st, event);
        case 'terminated':
          // The end of another call bound to the key before the IVR took it over (a queue's ring).
          if (event.callId !== undefined && idKey(event.callId) !== ctl.key) return s;
          // The call model may hold a redelivered copy of a recording's notification: forget it again.
          if (s.recorded) ctl.spawn('forget', () => deps.recording.forget(ctl.callId));
          return { ...s, phase: 'done' };
        default:
          return s;
      }
    },
  };
}

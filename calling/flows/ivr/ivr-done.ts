// What the IVR does when its background work reports back (a `done` event): the next node, a resend
// of a prompt Graph failed, the menu's onFail branch, or the fallback.
import type { FlowEvent } from '../runtime';
import { afterPrompts, enter, failed, hangUp, jump, pendingAction } from './ivr-actions';
import { menuOf, type Step } from './ivr-context';
import { toFallback } from './ivr-fallback';
import { onListened } from './ivr-listen';
import { callIsOver, isTransient, MAX_RESENDS, resendDelayMs } from './ivr-retry';
import type { IvrState } from './ivr-state';
import { tonesTask } from './ivr-tasks';
import { notifyFailure } from './notifier';

type Done = Extract<FlowEvent, { type: 'done' }>;

/** Graph failed a prompt: send it again when that may work, else the caller goes to the fallback. */
function promptFailed(st: Step, err: Error): IvrState | Promise<IvrState> {
  const { s, ctl } = st;
  if (callIsOver(err)) return { ...s, phase: 'done', since: ctl.now };
  // A barge-in forgets the prompt it cancels, so a prompt that reports back cancelled was cut by
  // something else (a cancel that reached Graph late): it is sent again like any transient failure.
  const cancelled = (err as { code?: string }).code === 'operation_cancelled';
  const attempt = (s.attempt ?? 0) + 1;
  if ((!cancelled && !isTransient(err)) || attempt > MAX_RESENDS)
    return toFallback(st, `a prompt failed (${err.message})`);
  ctl.note(
    `ivr ${s.menu}/${s.node}: a prompt failed (${err.message}); sending it again, ${attempt} of ${MAX_RESENDS}`,
  );
  ctl.setTimer('resend', resendDelayMs(attempt));
  return { ...s, attempt };
}

/** The IVR's next state once a task finished. */
export async function onDone(st: Step, e: Done): Promise<IvrState> {
  const { s, ctl } = st;
  const why = e.ok ? '' : e.error.message;
  switch (e.task) {
    case 'answer':
      if (!e.ok) {
        if (callIsOver(e.error)) return { ...s, phase: 'done', since: ctl.now };
        return toFallback(st, `the call could not be answered (${why})`);
      }
      ctl.spawn('tones', tonesTask(ctl.calling, ctl.callId));
      return enter(st, menuOf(st.deps, s)?.start ?? '', { after: 'tones' });
    case 'tones':
      if (e.ok || callIsOver(e.error)) return s;
      return toFallback(st, `key presses cannot be heard (${why})`);
    case 'prompt': {
      if (!e.ok) return promptFailed(st, e.error);
      const { attempt: _played, ...rest } = s;
      const next: Step = { ...st, s: rest };
      if (s.phase === 'retrying') return enter(next, s.node, { keepRetries: true });
      return s.phase === 'prompting' ? afterPrompts(next) : rest;
    }
    case 'hangUp':
      if (!e.ok && !callIsOver(e.error)) {
        ctl.log.warn({ err: e.error }, 'the IVR could not hang up');
        ctl.note(`ivr ${s.menu}/${s.node}: hanging up failed (${why}); the watchdog will try again`);
      }
      return s;
    case 'record': {
      const spec = (() => {
        const a = pendingAction(st);
        return a && typeof a === 'object' && 'record' in a ? a.record : undefined;
      })();
      if (!spec) return hangUp(st, 'the recording node is gone');
      const branch = e.ok ? (e.value as { branch: string; why: string }) : { branch: 'failed', why };
      ctl.note(`ivr ${s.menu}/${s.node}: ${branch.why} → ${branch.branch}`);
      const to =
        branch.branch === 'spoke'
          ? spec.onSpeech
          : branch.branch === 'silent'
            ? spec.onSilence
            : (spec.onFail ?? spec.onSilence);
      return jump(st, to);
    }
    case 'listen':
      return st.node?.listen ? onListened(st, st.node.listen, e) : s;
    case 'transfer':
    case 'meeting':
    case 'redirect':
    case 'queue':
      if (e.ok) {
        ctl.note(`ivr ${s.menu}/${s.node}: ${e.task} done`);
        return { ...s, phase: 'done', since: ctl.now };
      }
      return failed(st, pendingAction(st), `${e.task} failed: ${why}`);
    case 'notify':
      // The call goes on whether or not the card was posted; the log and the timeline say why not.
      if (!e.ok) {
        const reason = notifyFailure(e.error);
        ctl.log.warn({ err: e.error }, reason);
        ctl.note(`ivr ${s.menu}: ${reason}`);
      }
      return s;
    default:
      if (e.ok) return s;
      // A caller hanging up while the IVR acts is the commonest thing on a phone line, not a fault.
      if (callIsOver(e.error))
        ctl.log.info({ task: e.task, reason: e.error.message }, 'an IVR task stopped: the call had ended');
      else ctl.log.warn({ task: e.task, err: e.error }, 'an IVR task failed');
      return s;
  }
}

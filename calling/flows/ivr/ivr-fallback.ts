// Handing a caller the IVR cannot serve to the fallback (fallback.ts), from inside an IVR step.
import type { Target } from '../runtime';
import { fallbackState, onlyHangUpLeft } from './fallback';
import { enter, hangUp } from './ivr-actions';
import { menuOf, type Step } from './ivr-context';
import type { IvrState } from './ivr-state';

/**
 * The caller cannot be served as planned: put through to the fallback person, or told and hung up
 * (fallback.ts). Already in the fallback, or still ringing, the app just ends the call.
 */
export async function toFallback(st: Step, why: string): Promise<IvrState> {
  const { ctl } = st;
  ctl.log.warn({ why, menu: st.s.menu, node: st.s.node }, 'the IVR cannot serve this caller; fallback');
  if (onlyHangUpLeft(st.s)) return hangUp(st, `${why}, with only a hang-up left`);
  if (ctl.call.state === 'incoming') {
    ctl.note(`ivr ${st.s.menu}/${st.s.node}: ${why}; rejecting the call`);
    ctl.spawn('hangUp', () => ctl.calling.reject(ctl.callId, 'none'));
    return { ...st.s, phase: 'done', since: ctl.now };
  }
  const target = st.menu?.fallback ?? (await st.deps.fallback?.());
  const s: IvrState = {
    ...fallbackState(target, why, ctl.now),
    ...(st.s.recorded ? { recorded: true } : {}),
  };
  const whom = target === undefined ? 'goodbye and hang up' : `put through to ${describeTarget(target)}`;
  ctl.note(`ivr ${st.s.menu}/${st.s.node}: ${why}; fallback: ${whom}`);
  return enter({ ...st, s, menu: menuOf(st.deps, s), node: undefined }, menuOf(st.deps, s)?.start ?? '', {
    clearFirst: true,
  });
}

const describeTarget = (t: Target) => (typeof t === 'string' ? t : JSON.stringify(t));

// Where a caller goes when their call can no longer be served as planned (a prompt Graph keeps
// refusing, a flow that failed, a call the watchdog found undriven): put through to a person when one
// is configured, else told what happened and hung up. It is a tiny IVR menu carried in the state, so it
// runs, survives restarts and is timed like any other; a failure inside it hangs up.
import type { Target } from '../runtime';
import { initialIvrState, type IvrState } from './ivr-state';
import { menuSchema, type Menu } from './menu-schema';

export const FALLBACK_DESCRIPTION = 'fallback (something went wrong)';

/** What the caller hears before being put through. */
export const PUT_THROUGH_TEXT = 'Sorry, something went wrong on our side. Let me put you through to someone.';

/** What the caller hears before the app hangs up. */
export const GOODBYE_TEXT =
  'Sorry, something went wrong on our side and we cannot take your call right now. ' +
  'Please call again in a few minutes. Goodbye.';

/** The fallback menu: transfer to `target` (then goodbye if that fails), or goodbye at once. */
export function fallbackMenu(target: Target | undefined): Menu {
  const sorry = { prompts: [{ say: GOODBYE_TEXT }], do: 'hangUp' };
  return menuSchema.parse({
    description: FALLBACK_DESCRIPTION,
    start: target === undefined ? 'sorry' : 'putThrough',
    nodes: {
      ...(target === undefined
        ? {}
        : {
            putThrough: {
              prompts: [{ say: PUT_THROUGH_TEXT }],
              do: { transfer: target, onFail: { goto: 'sorry' } },
            },
          }),
      sorry,
    },
  });
}

/** A new IVR state that runs the fallback on a call, noting why. */
export function fallbackState(target: Target | undefined, why: string, now: number): IvrState {
  return {
    ...initialIvrState('@inline', { inline: fallbackMenu(target), origin: why, now }),
    fallback: true,
  };
}

/** True when an IVR state already runs the fallback, or has hung up: what is left is to hang up. */
export function onlyHangUpLeft(s: IvrState | undefined): boolean {
  return s?.fallback === true || s?.hangingUp === true;
}

// Waits for the bot's leg of a call to be established, then runs follow-up work (calling people into a
// meeting the bot has joined). Polls the call model, which sees changes any instance made, and wakes up
// early on this instance's own events. Aborting stops the wait (the app is closing).
import { sameId, type CallView } from '../../calling';
import type { CallModel } from './types';

const POLL_MS = 500;

/** Resolves with the call once established; rejects if it ended first, on timeout, or on abort. */
export function whenEstablished(
  calling: Pick<CallModel, 'getCall' | 'on'>,
  callId: string,
  opts: { timeoutMs: number; signal: AbortSignal },
): Promise<CallView> {
  return new Promise<CallView>((resolve, reject) => {
    let done = false;
    let poll: NodeJS.Timeout | undefined;
    const finish = (err: Error | undefined, view?: CallView) => {
      if (done) return;
      done = true;
      clearTimeout(poll);
      clearTimeout(deadline);
      off();
      opts.signal.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(view!);
    };
    const judge = (view: CallView | undefined) => {
      if (!view) return finish(new Error(`call ${callId} is not known`));
      if (view.state === 'established') return finish(undefined, view);
      if (view.state === 'terminated') return finish(new Error(`call ${callId} ended before it was joined`));
    };
    const check = () => {
      calling.getCall(callId).then(
        (view) => {
          judge(view);
          if (!done) poll = setTimeout(check, POLL_MS);
        },
        (err: Error) => finish(err),
      );
    };
    const off = calling.on('stateChanged', (e) => {
      if (sameId(e.call.id, callId)) judge(e.call);
    });
    const onAbort = () => finish(new Error('stopped waiting: the app is closing'));
    const deadline = setTimeout(
      () => finish(new Error(`call ${callId} was not established within ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
    if (opts.signal.aborted) return onAbort();
    opts.signal.addEventListener('abort', onAbort);
    check();
  });
}

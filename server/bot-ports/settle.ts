// Operations that finish only when someone on the call reacts (an invitee answers, a transfer target
// picks up) must not hold the chat's answer: after a short wait the live card carries on.
import type { PortsLogger } from './types';
import { toPortError } from './port-error';

/**
 * Starts an operation and waits for it up to `waitMs`: a failure within that time is thrown (as a port error); after it, the
 * operation goes on and a later failure is only logged (the call card shows what happened).
 */
export async function settleOrGoOn(
  start: () => Promise<unknown>,
  waitMs: number,
  log: { logger: PortsLogger; callId: string; what: string },
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  const guarded = Promise.resolve()
    .then(start)
    .then(
      () => undefined,
      (err: unknown) => {
        if (late)
          log.logger.warn({ err, callId: log.callId }, `${log.what} failed after the chat was answered`);
        else throw toPortError(err);
      },
    );
  const window = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      late = true;
      resolve();
    }, waitMs);
  });
  try {
    await Promise.race([guarded, window]);
  } finally {
    clearTimeout(timer);
  }
}

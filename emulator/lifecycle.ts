// How the emulator process ends: on SIGTERM or SIGINT once it serves, and whenever the process that
// started it with an IPC channel is gone (parent-link.ts), within 2 s, so that its port is free again.
import { followParent } from './parent-link';

/** Stop steps run once; the process exits within this long even if they hang. */
const EXIT_WITHIN_MS = 1500;

export interface Lifecycle {
  /** The emulator serves: from now on a signal or the parent's end runs `stop`, then exits. */
  serving(stop: () => Promise<void>): void;
}

/** Call first thing: a parent that dies while the emulator starts stops it too. */
export function startLifecycle(log: (msg: string, err?: unknown) => void): Lifecycle {
  let stop: (() => Promise<void>) | undefined;
  let closing = false;
  const shutdown = (why: string): void => {
    if (!stop) {
      log(`${why}: not starting`);
      process.exit(0);
    }
    if (closing) return;
    closing = true;
    log(`${why}: shutting down`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log('shutdown failed', err);
        process.exit(1);
      },
    );
    setTimeout(() => process.exit(0), EXIT_WITHIN_MS).unref();
  };
  followParent(shutdown);
  return {
    serving(s) {
      stop = s;
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
    },
  };
}

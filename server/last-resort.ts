// The last resort for a failure no code handled. Every promise and callback in the app handles its own
// failures (a failed call flow ends that flow, logged with its call id); ESLint's no-floating-promises
// keeps it so. Reaching these handlers therefore means a bug, and they say so loudly.
//
// An uncaught exception stops the process: it was thrown out of code that was half-way through, so
// nothing it touched can be trusted. An unhandled rejection does not: the async work that failed has
// already unwound and nothing else was interrupted, while stopping would cut off every other call in
// progress. Node's default (crash) is replaced by a loud log line that tests and soaks look for.
import type { Logger } from './logger';

/** The part of `process` the handlers use, so tests can pass their own. */
export interface LastResortProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (err: Error) => void): unknown;
  exit(code: number): void;
}

export interface LastResortOptions {
  /** Runs after an uncaught exception, before the exit (local mode stops the emulator). */
  cleanup?: () => Promise<void>;
  /** The longest wait for cleanup before exiting anyway; default 3 s. */
  cleanupMs?: number;
}

/** Installs the process-level handlers for unhandled rejections and uncaught exceptions. */
export function installLastResort(
  proc: LastResortProcess,
  logger: Logger,
  opts: LastResortOptions = {},
): void {
  proc.on('unhandledRejection', (reason) => {
    logger.error(
      { err: reason, lastResort: 'unhandledRejection' },
      'BUG: a promise rejected and no code handled it. The process keeps running; please report this with the log around it.',
    );
  });

  let timer: NodeJS.Timeout | undefined;
  let exiting = false;
  const exit = (): void => {
    clearTimeout(timer);
    logger.flush();
    proc.exit(1);
  };
  proc.on('uncaughtException', (err) => {
    logger.fatal(
      { err, lastResort: 'uncaughtException' },
      'BUG: an exception was thrown and no code caught it. The process stops now; please report this with the log around it.',
    );
    if (exiting) return exit();
    exiting = true;
    const { cleanup } = opts;
    if (!cleanup) return exit();
    timer = setTimeout(() => {
      logger.error('cleanup after the uncaught exception took too long; exiting without it');
      exit();
    }, opts.cleanupMs ?? 3000);
    // Through a promise, so a cleanup that throws before returning one fails like one that rejects.
    Promise.resolve()
      .then(cleanup)
      .then(exit, (cleanupErr: unknown) => {
        logger.error({ err: cleanupErr }, 'cleanup after the uncaught exception failed');
        exit();
      });
  });
}

// The last resort for a failure no emulator code handled. Every promise in the emulator ends in a
// handler that fails the one operation or delivery concerned (ESLint's no-floating-promises keeps it
// so); reaching these handlers means a bug, and they say so loudly on stderr.
//
// An uncaught exception stops the emulator: it was thrown out of code that was half-way through, so the
// tenant's state can no longer be trusted. An unhandled rejection does not: the async step that failed
// has already unwound, and stopping would end every emulated call and leave the app without its Graph.

/** The part of `process` the handlers use, so tests can pass their own. */
export interface LastResortProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (err: Error) => void): unknown;
  exit(code: number): void;
}

/** Installs the process-level handlers; `log` is the emulator's stderr logger. */
export function installLastResort(proc: LastResortProcess, log: (msg: string, err?: unknown) => void): void {
  proc.on('unhandledRejection', (reason) => {
    log(
      'BUG: unhandled rejection: a promise rejected and no emulator code handled it; the emulator keeps running. Please report this with the lines around it.',
      reason,
    );
  });
  proc.on('uncaughtException', (err) => {
    // Node writes stderr synchronously to files, terminals and (on Linux) pipes: the line is out
    // before the exit.
    log(
      'BUG: uncaught exception: no emulator code caught it; the emulator stops now. Please report this with the lines around it.',
      err,
    );
    proc.exit(1);
  });
}

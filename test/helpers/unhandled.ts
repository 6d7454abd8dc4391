// Records the rejections nobody handled while a test runs. Node would end the process on the first one;
// mocha's own listener is set aside meanwhile, so the test can assert on them and name them.

export interface UnhandledWatch {
  /** The reasons of the rejections nobody handled so far. */
  readonly rejections: unknown[];
  /** Puts the listeners that were there back. */
  stop(): void;
}

/** Starts recording unhandled rejections (in place of every other listener) until stop(). */
export function watchUnhandled(): UnhandledWatch {
  const rejections: unknown[] = [];
  const saved = process.listeners('unhandledRejection');
  process.removeAllListeners('unhandledRejection');
  const listener = (reason: unknown) => void rejections.push(reason);
  process.on('unhandledRejection', listener);
  return {
    rejections,
    stop() {
      process.off('unhandledRejection', listener);
      for (const l of saved) process.on('unhandledRejection', l);
    },
  };
}

/** Each test of the suite runs with unhandled rejections recorded; read `rejections` in the test. */
export function eachUnhandledWatch(): { readonly rejections: unknown[] } {
  let watch: UnhandledWatch | undefined;
  beforeEach(() => {
    watch = watchUnhandled();
  });
  afterEach(() => {
    watch?.stop();
    watch = undefined;
  });
  return {
    get rejections() {
      if (!watch) throw new Error('rejections are recorded only while a test runs');
      return watch.rejections;
    },
  };
}

/** A rejection reason in one line, for assertion messages. */
export function describeReason(reason: unknown): string {
  return reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
}

/**
 * Starts something in the suite's before() and stops it in its after(). The stand-in returned reads
 * through to what was started, so a suite names it once at the top and uses it in its tests and hooks.
 */
export function forSuite<T extends object>(
  start: () => Promise<T>,
  stop: (started: T) => Promise<unknown>,
): T {
  let started: T | undefined;
  before(async () => {
    started = await start();
  });
  after(async () => {
    if (started) await stop(started);
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!started) throw new Error(`read ${String(key)} before the suite's before() hook started it`);
      const value: unknown = Reflect.get(started, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(started) : value;
    },
  });
}

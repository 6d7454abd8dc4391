// Loads data for a view, again whenever deps or the session's generation change; failures go to fail().
import { useCallback, useEffect, useState } from 'react';
import { useSession } from './session';

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [T | undefined, () => void] {
  const { fail, generation } = useSession();
  const [data, setData] = useState<T | undefined>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && setData(d),
      (err: unknown) => live && fail(err),
    );
    return () => {
      live = false;
    };
  }, [...deps, generation, tick]);
  return [data, useCallback(() => setTick((t) => t + 1), [])];
}

/**
 * Wraps an action: `run(work)` starts it, shows its failure in the problem bar, and keeps `busy` set
 * until it ends, so a second click waits for the first.
 */
export function useAction(): [boolean, (work: () => Promise<unknown>) => void] {
  const { fail } = useSession();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    (work: () => Promise<unknown>): void => {
      setBusy(true);
      // Through a promise, so work that throws before returning one is reported the same way.
      Promise.resolve()
        .then(work)
        .catch(fail)
        .finally(() => setBusy(false));
    },
    [fail],
  );
  return [busy, run];
}

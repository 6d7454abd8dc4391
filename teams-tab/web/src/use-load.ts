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

/** Wraps an action so its failure is reported and a second click waits for the first. */
export function useAction(): [boolean, (work: () => Promise<unknown>) => Promise<void>] {
  const { fail } = useSession();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      setBusy(true);
      try {
        await work();
      } catch (err) {
        fail(err);
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );
  return [busy, run];
}

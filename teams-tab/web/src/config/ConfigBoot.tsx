// The configuration page's first paint, free of Fluent like the tab's: "connecting" while teams-js and
// the view load, then the view, or why there is no host to add the tab to.
import { Suspense, lazy, useEffect, useState } from 'react';
import type { HostContext } from '../host';

const loadView = () => import('./ConfigView');
const ConfigView = lazy(loadView);

/** How long the page waits for a host before saying it must be opened from Teams. */
const HOST_TIMEOUT_MS = 8000;

type State =
  { state: 'waiting' } | { state: 'no-host'; reason: string } | { state: 'ready'; host: HostContext };

const waiting = (
  <p className="boot" data-testid="waiting">
    Connecting to Teams…
  </p>
);

export function ConfigBoot() {
  const [boot, setBoot] = useState<State>({ state: 'waiting' });

  useEffect(() => {
    const hostModule = import('../host');
    hostModule
      .then(() => loadView())
      .catch((err: unknown) => console.warn('the configuration view did not load', err));
    hostModule
      .then((h) => h.connectHost(HOST_TIMEOUT_MS))
      .then(
        (host) => setBoot({ state: 'ready', host }),
        (err: unknown) =>
          setBoot({ state: 'no-host', reason: err instanceof Error ? err.message : String(err) }),
      );
  }, []);

  useEffect(() => {
    document.documentElement.dataset.boot = boot.state;
  }, [boot.state]);

  if (boot.state === 'waiting') return waiting;
  if (boot.state === 'no-host')
    return (
      <p className="boot" role="alert" data-testid="no-host">
        This page sets up the Switchboard tab when it is added in Microsoft Teams, and no Teams host answered.
        Add Switchboard from a team channel, a group chat or a meeting in Teams (locally, open the
        emulator&apos;s Teams host page with the stage set to &quot;Add the tab&quot;). ({boot.reason})
      </p>
    );
  return (
    <Suspense fallback={waiting}>
      <ConfigView host={boot.host} />
    </Suspense>
  );
}

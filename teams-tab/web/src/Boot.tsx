// The first thing on screen, kept free of Fluent and teams-js so it paints at once: "connecting" while
// the host handshake and the Fluent shell load side by side, then the shell, or why there is no host.
import { Suspense, lazy, useEffect, useState } from 'react';
import type { HostContext } from './host';

const loadShell = () => import('./Shell');
const Shell = lazy(loadShell);

/** How long the tab waits for a host before saying it must be opened in Teams. */
const HOST_TIMEOUT_MS = 8000;

type State =
  { state: 'waiting' } | { state: 'no-host'; reason: string } | { state: 'ready'; host: HostContext };

const waiting = (
  <p className="boot" data-testid="waiting">
    Connecting to Teams…
  </p>
);

export function Boot() {
  const [boot, setBoot] = useState<State>({ state: 'waiting' });

  useEffect(() => {
    // teams-js first, then the shell: the shell downloads while the host answers the handshake, and the
    // two evaluate in separate tasks rather than one long one.
    const hostModule = import('./host');
    hostModule
      .then(() => loadShell())
      .catch((err: unknown) => console.warn('the tab shell did not load', err));
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
      <p className="boot" data-testid="no-host">
        Switchboard runs inside Microsoft Teams: open it as a tab in Teams (locally, from the emulator&apos;s
        Teams host page). ({boot.reason})
      </p>
    );
  return (
    <Suspense fallback={waiting}>
      <Shell host={boot.host} />
    </Suspense>
  );
}

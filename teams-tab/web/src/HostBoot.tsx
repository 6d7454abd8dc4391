// The first thing a page of the tab paints, kept free of Fluent and teams-js so it paints at once:
// "connecting" while the host handshake and the page's view load side by side, then the view, or why
// there is no host. The tab (Boot.tsx) and its configuration page (config/ConfigBoot.tsx) both start here.
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import type { HostContext } from './host';

/** How long a page waits for a host before saying it must be opened in Teams. */
const HOST_TIMEOUT_MS = 8000;

type State =
  { state: 'waiting' } | { state: 'no-host'; reason: string } | { state: 'ready'; host: HostContext };

const waiting = (
  <p className="boot" data-testid="waiting">
    Connecting to Teams…
  </p>
);

export interface HostBootProps {
  /** Loads the view's code; started once teams-js has loaded, so the two evaluate in separate tasks. */
  readonly preload: () => Promise<unknown>;
  /** The view once a host answered (a lazy component: it is shown under Suspense). */
  readonly view: (host: HostContext) => ReactNode;
  /** What the page says when no host answered. */
  readonly noHost: (reason: string) => ReactNode;
  /** The view's name in the console warning when its code does not load. */
  readonly what: string;
}

/** Connects to the Teams host and shows the page's view; marks its state on <html data-boot>. */
export function HostBoot({ preload, view, noHost, what }: HostBootProps) {
  const [boot, setBoot] = useState<State>({ state: 'waiting' });

  useEffect(() => {
    // teams-js first, then the view: the view downloads while the host answers the handshake, and the
    // two evaluate in separate tasks rather than one long one.
    const hostModule = import('./host');
    hostModule.then(() => preload()).catch((err: unknown) => console.warn(`${what} did not load`, err));
    hostModule
      .then((h) => h.connectHost(HOST_TIMEOUT_MS))
      .then(
        (host) => setBoot({ state: 'ready', host }),
        (err: unknown) =>
          setBoot({ state: 'no-host', reason: err instanceof Error ? err.message : String(err) }),
      );
    // Mount only: a page boots once.
  }, []);

  useEffect(() => {
    document.documentElement.dataset.boot = boot.state;
  }, [boot.state]);

  if (boot.state === 'waiting') return waiting;
  if (boot.state === 'no-host') return noHost(boot.reason);
  return <Suspense fallback={waiting}>{view(boot.host)}</Suspense>;
}

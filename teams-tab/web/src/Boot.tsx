// The tab's first paint (see HostBoot): then the Fluent shell, or why there is no host.
import { lazy } from 'react';
import { HostBoot } from './HostBoot';

const loadShell = () => import('./Shell');
const Shell = lazy(loadShell);

export function Boot() {
  return (
    <HostBoot
      what="the tab shell"
      preload={loadShell}
      view={(host) => <Shell host={host} />}
      noHost={(reason) => (
        <p className="boot" data-testid="no-host">
          Switchboard runs inside Microsoft Teams: open it as a tab in Teams (locally, from the
          emulator&apos;s Teams host page). ({reason})
        </p>
      )}
    />
  );
}

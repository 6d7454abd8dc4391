// The configuration page's first paint (see HostBoot): then the view, or why there is no host to add the
// tab to.
import { lazy } from 'react';
import { HostBoot } from '../HostBoot';

const loadView = () => import('./ConfigView');
const ConfigView = lazy(loadView);

export function ConfigBoot() {
  return (
    <HostBoot
      what="the configuration view"
      preload={loadView}
      view={(host) => <ConfigView host={host} />}
      noHost={(reason) => (
        <p className="boot" role="alert" data-testid="no-host">
          This page sets up the Switchboard tab when it is added in Microsoft Teams, and no Teams host
          answered. Add Switchboard from a team channel, a group chat or a meeting in Teams (locally, open the
          emulator&apos;s Teams host page with the stage set to &quot;Add the tab&quot;). ({reason})
        </p>
      )}
    />
  );
}

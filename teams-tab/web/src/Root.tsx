// The shell: theme from the host, the boot states (waiting for host, no host), the problem bar, the view.
import { FluentProvider, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { createApi, tokenFailure } from './api';
import { connectHost, onThemeChange, reportLoaded, ssoToken } from './host';
import type { HostContext, ThemeName } from './host';
import { ProblemBar } from './ProblemBar';
import { SessionProvider } from './session';
import { fluentTheme } from './theme';

const Personal = lazy(() => import('./personal/Personal'));
const MeetingPanel = lazy(() => import('./meeting/MeetingPanel'));

/** How long the tab waits for a host before saying it must be opened in Teams. */
const HOST_TIMEOUT_MS = 8000;

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});

type Boot =
  { state: 'waiting' } | { state: 'no-host'; reason: string } | { state: 'ready'; host: HostContext };

export function Root() {
  const styles = useStyles();
  const [boot, setBoot] = useState<Boot>({ state: 'waiting' });
  const [theme, setTheme] = useState<ThemeName>(() =>
    matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default',
  );

  useEffect(() => {
    document.documentElement.dataset.boot = 'waiting';
    connectHost(HOST_TIMEOUT_MS).then(
      (host) => {
        setTheme(host.theme);
        onThemeChange(setTheme);
        setBoot({ state: 'ready', host });
        reportLoaded();
      },
      (err: unknown) =>
        setBoot({ state: 'no-host', reason: err instanceof Error ? err.message : String(err) }),
    );
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.boot = boot.state;
  }, [theme, boot.state]);

  const api = useMemo(() => createApi(() => ssoToken()), []);

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.page}>
      {boot.state === 'waiting' && <Spinner label="Connecting to Teams…" data-testid="waiting" />}
      {boot.state === 'no-host' && (
        <Text data-testid="no-host">
          Switchboard runs inside Microsoft Teams: open it as a tab in Teams (locally, from the emulator's
          Teams host page). ({boot.reason})
        </Text>
      )}
      {boot.state === 'ready' && (
        <SessionProvider api={api} host={boot.host}>
          {({ problem, clear, retry, fail }) => (
            <>
              {problem && (
                <ProblemBar
                  problem={problem}
                  onDismiss={clear}
                  onConsent={() => ssoToken(true).then(retry, (err: unknown) => fail(tokenFailure(err)))}
                />
              )}
              <Suspense fallback={<Spinner label="Loading…" />}>
                {boot.host.surface === 'meeting' ? <MeetingPanel /> : <Personal />}
              </Suspense>
            </>
          )}
        </SessionProvider>
      )}
    </FluentProvider>
  );
}

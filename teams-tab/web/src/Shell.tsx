// The tab once a host answered: Fluent with the host's theme, the problem bar, and the view for the surface.
import { FluentProvider, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { createApi, tokenFailure } from './api';
import { onThemeChange, reportLoaded, ssoToken } from './host';
import type { HostContext, ThemeName } from './host';
import { SessionProvider } from './session';
import { fluentTheme } from './theme';

const ProblemBar = lazy(() => import('./ProblemBar'));
const Personal = lazy(() => import('./personal/Personal'));
const MeetingPanel = lazy(() => import('./meeting/MeetingPanel'));

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

export default function Shell(props: { host: HostContext }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(props.host.theme);
  const api = useMemo(() => createApi(() => ssoToken()), []);

  useEffect(() => {
    onThemeChange(setTheme);
    reportLoaded();
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.page}>
      <SessionProvider api={api} host={props.host}>
        {({ problem, clear, retry, fail }) => (
          <Suspense fallback={<Spinner label="Loading…" />}>
            {problem && (
              <ProblemBar
                problem={problem}
                onDismiss={clear}
                onConsent={() => ssoToken(true).then(retry, (err: unknown) => fail(tokenFailure(err)))}
              />
            )}
            {props.host.surface === 'meeting' ? <MeetingPanel /> : <Personal />}
          </Suspense>
        )}
      </SessionProvider>
    </FluentProvider>
  );
}

// The configuration page once a host answered: what will be added where, Save enabled in Teams'
// dialog, and the outcome of the save. Only a few Fluent pieces, so the dialog opens quickly.
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { onThemeChange } from '../host';
import type { HostContext, ThemeName } from '../host';
import { fluentTheme } from '../theme';
import { CONFIG_FRAMES, offerSettings, reportConfigLoaded } from './config-host';
import { planTab } from './tab-plan';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

type Outcome = { state: 'offered' } | { state: 'saved' } | { state: 'failed'; message: string };

function Problem(props: { message: string }) {
  return (
    <MessageBar intent="error" data-testid="config-error">
      <MessageBarBody>{props.message}</MessageBarBody>
    </MessageBar>
  );
}

export default function ConfigView(props: { host: HostContext }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(props.host.theme);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'offered' });
  const inDialog = CONFIG_FRAMES.has(props.host.frameContext);
  const plan = useMemo(() => planTab(props.host, location.href), [props.host]);

  useEffect(() => {
    onThemeChange(setTheme);
    reportConfigLoaded();
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (!inDialog || !plan) return;
    offerSettings(
      plan.settings,
      () => setOutcome({ state: 'saved' }),
      (message) => setOutcome({ state: 'failed', message }),
    );
    document.documentElement.dataset.valid = 'true';
  }, [inDialog, plan]);

  let body;
  if (!inDialog)
    body = (
      <Problem
        message={`This page sets up the Switchboard tab while Teams adds it; here it was opened as a "${props.host.frameContext}" page instead. Open the Switchboard tab itself.`}
      />
    );
  else if (!plan)
    body = (
      <Problem message="Switchboard can be added as a tab to a team channel, a group chat or a meeting; Teams did not say which one this is. Add it from one of those." />
    );
  else
    body = (
      <>
        <Title3 as="h1" data-testid="config-headline">
          {plan.headline}
        </Title3>
        <Text as="p" data-testid="config-details">
          {plan.details}
        </Text>
        <Text as="p" data-testid="config-state" data-state={outcome.state}>
          {outcome.state === 'saved' ? 'Added: Teams opens the tab now.' : 'Press Save to add the tab.'}
        </Text>
        {outcome.state === 'failed' && <Problem message={outcome.message} />}
      </>
    );

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.page} data-testid="config">
      {body}
    </FluentProvider>
  );
}

// A failure as a message bar; auth failures carry the consent button the API asks for.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useSession, type Problem } from './session';

export default function ProblemBar(props: {
  problem: Problem;
  /** Asks for consent; a failure it does not report itself is shown here like any other. */
  onConsent(): Promise<void>;
  onDismiss(): void;
}) {
  const { problem } = props;
  const { fail } = useSession();
  const [busy, setBusy] = useState(false);
  const consent = (): void => {
    setBusy(true);
    props
      .onConsent()
      .catch(fail)
      .finally(() => setBusy(false));
  };
  return (
    <MessageBar intent={problem.auth ? 'warning' : 'error'} data-testid={problem.auth ? 'consent' : 'error'}>
      <MessageBarBody>
        <MessageBarTitle>{problem.auth ? 'Sign-in needed' : 'Something went wrong'}</MessageBarTitle>
        {problem.message}
      </MessageBarBody>
      <MessageBarActions>
        {problem.consentLabel ? (
          <Button appearance="primary" disabled={busy} onClick={consent}>
            {problem.consentLabel}
          </Button>
        ) : (
          <Button onClick={props.onDismiss}>Dismiss</Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}

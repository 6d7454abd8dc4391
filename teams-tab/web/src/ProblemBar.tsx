// A failure as a message bar; auth failures carry the consent button the API asks for.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Problem } from './session';

export default function ProblemBar(props: {
  problem: Problem;
  onConsent(): Promise<void>;
  onDismiss(): void;
}) {
  const { problem } = props;
  const [busy, setBusy] = useState(false);
  const consent = async (): Promise<void> => {
    setBusy(true);
    try {
      await props.onConsent();
    } finally {
      setBusy(false);
    }
  };
  return (
    <MessageBar intent={problem.auth ? 'warning' : 'error'} data-testid={problem.auth ? 'consent' : 'error'}>
      <MessageBarBody>
        <MessageBarTitle>{problem.auth ? 'Sign-in needed' : 'Something went wrong'}</MessageBarTitle>
        {problem.message}
      </MessageBarBody>
      <MessageBarActions>
        {problem.consentLabel ? (
          <Button appearance="primary" disabled={busy} onClick={() => void consent()}>
            {problem.consentLabel}
          </Button>
        ) : (
          <Button onClick={props.onDismiss}>Dismiss</Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}

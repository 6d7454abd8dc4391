// A titled card around one part of a view.
import { Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function Section(props: { title: string; testId: string; children: ReactNode; aside?: ReactNode }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid={props.testId}>
      <Subtitle2 as="h2">{props.title}</Subtitle2>
      {props.aside}
      {props.children}
    </Card>
  );
}

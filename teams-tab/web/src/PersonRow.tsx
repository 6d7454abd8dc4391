// A person with their presence badge and presence line; actions come from the caller.
import { Avatar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { badgeStatus, presenceLine } from './presence';
import type { Presence } from './types';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  who: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  line: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function PersonRow(props: {
  id: string;
  name: string;
  presence?: Presence;
  /** Shown instead of the presence line (e.g. for an app, which has no presence). */
  note?: string;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const p = props.presence;
  return (
    <div
      className={styles.row}
      data-person={props.id}
      data-availability={p?.availability ?? 'PresenceUnknown'}
      data-activity={p?.activity ?? 'PresenceUnknown'}
    >
      {props.lead}
      <Avatar name={props.name} badge={{ status: badgeStatus(p?.availability) }} />
      <div className={styles.who}>
        <Text weight="semibold">{props.name}</Text>
        <Text size={200} className={styles.line} data-testid="presence">
          {props.note ?? (p ? presenceLine(p.availability, p.activity) : 'Presence unknown')}
        </Text>
      </div>
      <div className={styles.actions}>{props.children}</div>
    </div>
  );
}

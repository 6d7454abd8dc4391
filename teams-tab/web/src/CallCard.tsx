// One live call: state, participants (mute each), hang up.
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useSession } from './session';
import { useAction } from './use-load';
import type { Call } from './types';

const useStyles = makeStyles({
  call: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  who: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function CallCard(props: { call: Call; onChanged(): void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [busy, run] = useAction();
  const c = props.call;
  const people = c.participants.filter((p) => !p.isBot);
  return (
    <div className={styles.call} data-call={c.id} data-state={c.state}>
      <div className={styles.head}>
        <Text weight="semibold">
          {c.subject ?? (c.kind === 'p2p' ? 'Call' : c.kind === 'group' ? 'Group call' : 'Meeting')}
        </Text>
        <Badge appearance="tint">{c.state}</Badge>
        <Button
          size="small"
          disabled={busy || c.state === 'terminated'}
          onClick={() => run(() => api.hangUp(c.id).then(props.onChanged))}
        >
          Hang up
        </Button>
      </div>
      {people.map((p) => (
        <div key={p.id} className={styles.who} data-participant={p.userId ?? p.id}>
          <Text>{p.displayName ?? p.userId ?? p.kind}</Text>
          {p.isMuted && <Badge appearance="outline">muted</Badge>}
          {p.isInLobby && <Badge appearance="outline">in the lobby</Badge>}
          {!p.isMuted && (
            <Button
              size="small"
              appearance="subtle"
              disabled={busy}
              onClick={() => run(() => api.mute(c.id, p.id))}
            >
              Mute
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}

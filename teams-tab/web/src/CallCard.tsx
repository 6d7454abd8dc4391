// One live call: state, participants (mute each), hang up.
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useSession } from './session';
import { useAction } from './use-load';
import type { Call, PersonStatus } from './types';
import { peopleOfCall } from './call-people';

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

const PHASE: Record<Call['phase'], string> = {
  ringing: 'Ringing',
  connecting: 'Connecting',
  connected: 'Connected',
  onHold: 'On hold',
  transferring: 'Transferring',
  ended: 'Ended',
};

const STATUS: Record<PersonStatus, string | undefined> = {
  ringing: 'ringing',
  joined: undefined,
  left: 'left',
  declined: 'declined',
  busy: 'busy',
  noAnswer: 'no answer',
  unreachable: 'could not be reached',
  removed: 'removed',
};

export function CallCard(props: { call: Call; onChanged(): void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [busy, run] = useAction();
  const c = props.call;
  const ended = c.phase === 'ended';
  const people = peopleOfCall(c);
  return (
    <div className={styles.call} data-call={c.id} data-state={c.state} data-phase={c.phase}>
      <div className={styles.head}>
        <Text weight="semibold">
          {c.subject ?? (c.kind === 'p2p' ? 'Call' : c.kind === 'group' ? 'Group call' : 'Meeting')}
        </Text>
        <Badge appearance="tint">{PHASE[c.phase] ?? c.state}</Badge>
        {ended && c.endReason && <Text data-testid="end-reason">{c.endReason}</Text>}
        <Button
          size="small"
          disabled={busy || ended}
          onClick={() => run(() => api.hangUp(c.id).then(props.onChanged))}
        >
          Hang up
        </Button>
      </div>
      {people.map((p) => {
        const live = p.live;
        const status = STATUS[p.status];
        return (
          <div key={`${p.userId ?? p.name}`} className={styles.who} data-participant={p.userId ?? p.name}>
            <Text>{p.name}</Text>
            {status && <Badge appearance="outline">{status}</Badge>}
            {live?.isMuted && <Badge appearance="outline">muted</Badge>}
            {live?.mutePending && <Badge appearance="outline">muting…</Badge>}
            {live?.isInLobby && <Badge appearance="outline">in the lobby</Badge>}
            {live && !live.isMuted && !live.mutePending && (
              <Button
                size="small"
                appearance="subtle"
                disabled={busy}
                onClick={() => run(() => api.mute(c.id, live.id))}
              >
                Mute
              </Button>
            )}
          </div>
        );
      })}
    </div>
  );
}

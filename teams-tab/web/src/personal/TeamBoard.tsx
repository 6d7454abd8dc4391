// The team's members on the presence board (a tab opened in a team channel): live presence, select
// for connect / group call, call one.
import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonRow } from '../PersonRow';
import { Section } from '../Section';
import { useSession } from '../session';
import { useAction } from '../use-load';
import type { Presence, TeamMember } from '../types';

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
});

export default function TeamBoard(props: {
  teamName?: string;
  members: TeamMember[] | undefined;
  more: boolean;
  presence: Map<string, Presence>;
  selected: Set<string>;
  onToggle(id: string): void;
}) {
  const styles = useStyles();
  const { api } = useSession();
  const [busy, run] = useAction();
  const title = props.teamName ? `Team: ${props.teamName}` : 'Team members';
  return (
    <Section title={title} testId="team-board">
      {props.members === undefined && <Text className={styles.hint}>Loading the team&apos;s members…</Text>}
      {props.members?.length === 0 && <Text className={styles.hint}>No one else is in this team.</Text>}
      <div>
        {props.members?.map((m) => (
          <PersonRow
            key={m.id}
            id={m.id}
            name={m.owner ? `${m.displayName} (owner)` : m.displayName}
            presence={props.presence.get(m.id)}
            lead={
              <Checkbox
                aria-label={`Select ${m.displayName}`}
                checked={props.selected.has(m.id)}
                onChange={() => props.onToggle(m.id)}
              />
            }
          >
            <Button size="small" disabled={busy} onClick={() => run(() => api.call([m.id]))}>
              Call
            </Button>
          </PersonRow>
        ))}
      </div>
      {props.more && (
        <Text size={200} className={styles.hint}>
          The team has more members than the board shows.
        </Text>
      )}
    </Section>
  );
}

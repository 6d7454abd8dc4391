// The presence board: chosen people, live presence, and call / connect / group-call buttons (for the
// people selected here or on the team's board).
import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonRow } from '../PersonRow';
import { Section } from '../Section';
import { useSession } from '../session';
import { useAction } from '../use-load';
import type { Presence } from '../types';
import type { Picked } from './board-store';
import { PeopleSearch } from './PeopleSearch';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function PresenceBoard(props: {
  people: Picked[];
  /** Everyone who can be selected (these people and, in a team, its members). */
  candidates: Picked[];
  presence: Map<string, Presence>;
  selected: Set<string>;
  mode: string;
  onToggle(id: string): void;
  onAdd(p: Picked): void;
  onRemove(id: string): void;
}) {
  const styles = useStyles();
  const { api } = useSession();
  const [busy, run] = useAction();
  const chosen = props.candidates.filter((p) => props.selected.has(p.id));
  const [first, second] = chosen;
  return (
    <Section title="People" testId="board">
      <PeopleSearch onAdd={props.onAdd} exclude={new Set(props.people.map((p) => p.id))} />
      {props.people.length === 0 && (
        <Text className={styles.hint}>Find people above to keep an eye on their presence and call them.</Text>
      )}
      <div>
        {props.people.map((p) => (
          <PersonRow
            key={p.id}
            id={p.id}
            name={p.displayName}
            presence={props.presence.get(p.id)}
            lead={
              <Checkbox
                aria-label={`Select ${p.displayName}`}
                checked={props.selected.has(p.id)}
                onChange={() => props.onToggle(p.id)}
              />
            }
          >
            <Button size="small" disabled={busy} onClick={() => run(() => api.call([p.id]))}>
              Call
            </Button>
            <Button size="small" appearance="subtle" onClick={() => props.onRemove(p.id)}>
              Remove
            </Button>
          </PersonRow>
        ))}
      </div>
      {props.candidates.length > 0 && (
        <div className={styles.bar}>
          <Button
            disabled={busy || chosen.length !== 2}
            onClick={() => first && second && run(() => api.connect(first.id, second.id))}
          >
            Connect the two selected
          </Button>
          <Button
            disabled={busy || chosen.length < 2 || chosen.length > 5}
            onClick={() => run(() => api.call(chosen.map((p) => p.id)))}
          >
            Group call with the selected
          </Button>
          <Text size={200} className={styles.hint} data-testid="live-mode">
            {modeText(props.mode)}
          </Text>
        </div>
      )}
    </Section>
  );
}

function modeText(mode: string): string {
  if (mode === 'subscription') return 'Live: presence subscriptions';
  if (mode === 'polling') return 'Live: the server checks presence every 10 s';
  if (mode === 'tab-polling') return 'Checking presence every 10 s';
  return 'Connecting…';
}

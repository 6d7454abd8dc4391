// Finds people in the directory to add to the board.
import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useAction } from '../use-load';
import { useSession } from '../session';
import type { Person } from '../types';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalS },
  results: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function PeopleSearch(props: { onAdd(p: Person): void; exclude: Set<string> }) {
  const styles = useStyles();
  const { api } = useSession();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Person[] | undefined>();
  const [busy, run] = useAction();
  const search = (): void => run(async () => setFound(await api.people(text.trim())));
  return (
    <div>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) search();
        }}
      >
        <Input
          aria-label="Find people"
          placeholder="Find people by name"
          value={text}
          onChange={(_, d) => setText(d.value)}
        />
        <Button type="submit" disabled={busy || !text.trim()}>
          Search
        </Button>
      </form>
      {found && (
        <div className={styles.results} data-testid="search-results">
          {found.length === 0 && <span>Nobody found.</span>}
          {found
            .filter((p) => !props.exclude.has(p.id))
            .map((p) => (
              <Button key={p.id} size="small" onClick={() => props.onAdd(p)} data-add={p.id}>
                Add {p.displayName}
              </Button>
            ))}
        </div>
      )}
    </div>
  );
}

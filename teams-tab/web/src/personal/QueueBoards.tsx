// The call queues' boards, live: waiting callers with their waits, agents with queue state and presence.
// The same board the chat's queue card shows (GET /api/tab/queues, then `queue` events).
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PersonRow } from '../PersonRow';
import { Section } from '../Section';
import type { QueueBoard } from '../types';
import { agentStateWords, durationWords, waitedNow, waitingLine } from './queue-words';

const useStyles = makeStyles({
  queue: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const STATE_COLOR = {
  idle: 'success',
  ringing: 'brand',
  onCall: 'danger',
  signedOut: 'informative',
} as const;

/** Keeps the waits moving between updates, as the card's "waited" does on each redraw. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function QueueBoards(props: { boards: readonly QueueBoard[] }) {
  const styles = useStyles();
  const now = useNow(1000);
  return (
    <Section title="Call queues" testId="queues">
      {props.boards.length === 0 && <Text>No call queues.</Text>}
      {props.boards.map((b) => (
        <div key={b.queue} className={styles.queue} data-queue={b.queue} data-waiting={b.callers.length}>
          <Text weight="semibold">{b.description ? `${b.queue} · ${b.description}` : b.queue}</Text>
          <Text data-testid="waiting">{waitingLine(b, now)}</Text>
          {b.callers.map((c) => (
            <Text key={c.position} size={200} data-testid="caller">
              {`${c.position}. ${c.caller} · waited ${durationWords(waitedNow(b, c.waitedMs, now))}`}
              {c.ringing ? ` · ringing ${c.ringing}` : ''}
            </Text>
          ))}
          {b.agents.map((a) => (
            <PersonRow
              key={a.id}
              id={a.id}
              name={a.name}
              presence={{ id: a.id, availability: a.availability, activity: a.activity }}
            >
              <Badge appearance="tint" color={STATE_COLOR[a.state]} data-testid="agent-state">
                {agentStateWords(a.state)}
              </Badge>
            </PersonRow>
          ))}
          {b.presenceProblem && (
            <Text size={200} className={styles.warn}>
              {b.presenceProblem}
            </Text>
          )}
        </div>
      ))}
      <Text size={200} className={styles.muted}>
        Agents sign in and out of a queue in the chat: "queue sign in {'{name}'}".
      </Text>
    </Section>
  );
}

// A meeting Switchboard created: who last moved or cancelled it and, for its organizer, rescheduling
// (a new start and length) and cancelling (asked twice). Other people see the status line only.
import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { localInputValue } from '../meeting-time';
import { useSession } from '../session';
import type { Meeting } from '../types';
import { useAction } from '../use-load';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  cancelled: { color: tokens.colorPaletteRedForeground1 },
});

const LENGTHS = ['15', '30', '45', '60', '90'];

function minutesOf(m: Meeting): number {
  const s = Date.parse(m.startDateTime ?? '');
  const e = Date.parse(m.endDateTime ?? '');
  return Number.isFinite(s) && Number.isFinite(e) && e > s ? Math.round((e - s) / 60_000) : 30;
}

export function MeetingChanges(props: { meeting: Meeting; onChanged(m: Meeting): void }) {
  const styles = useStyles();
  const m = props.meeting;
  const { api } = useSession();
  const [busy, run] = useAction();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [start, setStart] = useState(() => localInputValue(new Date(m.startDateTime ?? Date.now())));
  const [minutes, setMinutes] = useState(() => String(minutesOf(m)));
  const change = m.lastChange;

  const status =
    m.status === 'cancelled' ? (
      <Text weight="semibold" className={styles.cancelled} data-testid="meeting-status">
        Cancelled by {change?.by ?? 'the organizer'}
      </Text>
    ) : change?.kind === 'moved' ? (
      <Text size={200} data-testid="meeting-status">
        Moved by {change.by}
      </Text>
    ) : null;
  if (!m.canChange) return status;

  const save = () =>
    run(async () => {
      const startAt = new Date(start);
      const endAt = new Date(startAt.getTime() + Number(minutes) * 60_000);
      const moved = await api.moveMeeting(m.id, {
        startDateTime: startAt.toISOString(),
        endDateTime: endAt.toISOString(),
      });
      setEditing(false);
      props.onChanged(moved);
    });
  const cancel = () =>
    run(async () => {
      const cancelled = await api.cancelMeeting(m.id);
      setConfirming(false);
      props.onChanged(cancelled);
    });

  return (
    <div className={styles.col} data-testid="meeting-changes">
      {status}
      {editing && (
        <form
          className={styles.bar}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Field label="New start">
            <Input type="datetime-local" value={start} onChange={(_, d) => setStart(d.value)} />
          </Field>
          <Field label="Length">
            <Select value={minutes} onChange={(_, d) => setMinutes(d.value)}>
              {[...new Set([...LENGTHS, minutes])].map((v) => (
                <option key={v} value={v}>
                  {v} minutes
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" appearance="primary" disabled={busy || !start}>
            Save new time
          </Button>
          <Button disabled={busy} onClick={() => setEditing(false)}>
            Keep the time
          </Button>
        </form>
      )}
      <div className={styles.bar}>
        {!editing && !confirming && (
          <>
            <Button disabled={busy} onClick={() => setEditing(true)}>
              Reschedule…
            </Button>
            <Button disabled={busy} onClick={() => setConfirming(true)}>
              Cancel meeting
            </Button>
          </>
        )}
        {confirming && (
          <>
            <Text>Cancel “{m.subject ?? 'this meeting'}” for everyone? Its join link stops working.</Text>
            <Button appearance="primary" disabled={busy} onClick={cancel}>
              Yes, cancel it
            </Button>
            <Button disabled={busy} onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </>
        )}
      </div>
    </div>
  );
}

// Creates an online meeting (subject, time, attendees from the board) and shows it with its join link.
import { Button, Field, Input, Link, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Section } from '../Section';
import { useSession } from '../session';
import { useAction } from '../use-load';
import type { Meeting } from '../types';
import type { Picked } from './board-store';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
  },
  made: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** datetime-local's value for a date, in local time. */
export function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function MeetingForm(props: { attendees: Picked[] }) {
  const styles = useStyles();
  const { api } = useSession();
  const [subject, setSubject] = useState('');
  const [start, setStart] = useState(() => localInputValue(new Date(Date.now() + 15 * 60_000)));
  const [minutes, setMinutes] = useState('30');
  const [made, setMade] = useState<{ meeting: Meeting; botJoined: boolean } | undefined>();
  const [busy, run] = useAction();

  const create = () =>
    run(async () => {
      const startAt = new Date(start);
      const endAt = new Date(startAt.getTime() + Number(minutes) * 60_000);
      const res = await api.createMeeting({
        subject: subject.trim(),
        startDateTime: startAt.toISOString(),
        endDateTime: endAt.toISOString(),
        attendees: props.attendees.map((p) => p.id),
      });
      setMade({ meeting: res.meeting, botJoined: Boolean(res.call) });
    });
  const join = (m: Meeting) =>
    run(async () => {
      await api.joinMeeting({ joinWebUrl: m.joinWebUrl });
      setMade({ meeting: m, botJoined: true });
    });

  return (
    <Section title="New meeting" testId="new-meeting">
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <Field label="Subject" required>
          <Input value={subject} onChange={(_, d) => setSubject(d.value)} />
        </Field>
        <Field label="Starts">
          <Input type="datetime-local" value={start} onChange={(_, d) => setStart(d.value)} />
        </Field>
        <Field label="Length">
          <Select value={minutes} onChange={(_, d) => setMinutes(d.value)}>
            {['15', '30', '45', '60', '90'].map((m) => (
              <option key={m} value={m}>
                {m} minutes
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Attendees">
          <Text>
            {props.attendees.length
              ? props.attendees.map((p) => p.displayName).join(', ')
              : 'Select people on the board to invite them'}
          </Text>
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={busy || !subject.trim() || !start}>
            Create meeting
          </Button>
        </div>
      </form>
      {made && (
        <div className={styles.made} data-testid="meeting-created" data-meeting={made.meeting.id}>
          <Text weight="semibold">{made.meeting.subject ?? subject}</Text>
          <Text size={200}>{timeRange(made.meeting.startDateTime, made.meeting.endDateTime)}</Text>
          <Link href={made.meeting.joinWebUrl} target="_blank" rel="noreferrer" data-testid="join-link">
            Join the meeting
          </Link>
          {made.botJoined ? (
            <Text data-testid="bot-joined">Switchboard is in the meeting.</Text>
          ) : (
            <div>
              <Button disabled={busy} onClick={() => join(made.meeting)}>
                Have Switchboard join
              </Button>
            </div>
          )}
        </div>
      )}
    </Section>
  );
}

/** "Mon 3 Mar, 10:00 – 10:30" in the viewer's locale. */
export function timeRange(start?: string, end?: string): string {
  if (!start) return '';
  const s = new Date(start);
  const day = s.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  const t = (d: Date) => d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return end ? `${day}, ${t(s)} – ${t(new Date(end))}` : `${day}, ${t(s)}`;
}

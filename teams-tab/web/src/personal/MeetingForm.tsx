// Creates an online meeting (subject, time, attendees from the board) and shows it with its join link;
// below, the user's meetings from Switchboard, to reschedule or cancel.
import { Button, Field, Input, Link, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Section } from '../Section';
import { useSession } from '../session';
import { useAction } from '../use-load';
import type { Call, Meeting } from '../types';
import type { Picked } from './board-store';
import { localInputValue } from '../meeting-time';
import { MyMeetings } from './MyMeetings';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
  },
  made: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function MeetingForm(props: { attendees: Picked[]; calls: ReadonlyMap<string, Call> }) {
  const styles = useStyles();
  const { api } = useSession();
  const [subject, setSubject] = useState('');
  const [start, setStart] = useState(() => localInputValue(new Date(Date.now() + 15 * 60_000)));
  const [minutes, setMinutes] = useState('30');
  const [made, setMade] = useState<{ meeting: Meeting; call?: Call } | undefined>();
  const [busy, run] = useAction();
  const [refresh, setRefresh] = useState(0);

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
      setMade({ meeting: res.meeting, ...(res.call ? { call: res.call } : {}) });
      setRefresh((n) => n + 1);
    });
  const join = (m: Meeting) =>
    run(async () => {
      const call = await api.joinMeeting({ joinWebUrl: m.joinWebUrl });
      setMade({ meeting: m, call });
    });

  // The bot's call in the meeting as the live updates show it now: once it ends, the bot has left.
  const botCall = made?.call && (props.calls.get(made.call.id) ?? made.call);
  const botIn = Boolean(botCall && botCall.phase !== 'ended');

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
          <Link href={made.meeting.joinWebUrl} target="_blank" rel="noreferrer" data-testid="join-link">
            Join the meeting
          </Link>
          {botIn ? (
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
      <MyMeetings refresh={refresh} />
    </Section>
  );
}

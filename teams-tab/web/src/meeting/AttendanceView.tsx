// Who attended a meeting and for how long (names only), once Teams has its attendance report; the
// organizer can ask for it now (Graph serves reports to the organizer only).
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { duration } from '../chart';
import { useSession } from '../session';
import type { Meeting } from '../types';
import { useAction } from '../use-load';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

export function AttendanceView(props: { meeting: Meeting; onRead(m: Meeting): void }) {
  const styles = useStyles();
  const { api, host } = useSession();
  const [busy, run] = useAction();
  const [none, setNone] = useState(false);
  const m = props.meeting;
  const a = m.attendance;
  const organizer = Boolean(m.organizerId && m.organizerId.toLowerCase() === host.userId?.toLowerCase());
  const read = () =>
    run(async () => {
      const res = await api.meetingAttendance(m.id);
      setNone(res.attendance === null);
      props.onRead(res.meeting);
    });

  return (
    <div className={styles.col} data-testid="attendance">
      {a?.problem && <Text>{a.problem}</Text>}
      {a && !a.problem && (
        <>
          <Text weight="semibold">
            Attended: {a.people.length} {a.people.length === 1 ? 'person' : 'people'}
          </Text>
          {a.people.map((p, i) => (
            <div key={`${p.name}-${i}`} className={styles.row} data-attendee={p.name}>
              <Text>{p.name}</Text>
              <Text data-testid="stay">{duration(p.seconds)}</Text>
            </div>
          ))}
        </>
      )}
      {none && !a && (
        <Text size={200}>
          No attendance report yet: Teams publishes one a few minutes after everyone has left the meeting.
        </Text>
      )}
      {organizer && (
        <div>
          <Button size="small" disabled={busy} onClick={read}>
            {a ? 'Refresh attendance' : 'Show attendance'}
          </Button>
        </div>
      )}
    </div>
  );
}

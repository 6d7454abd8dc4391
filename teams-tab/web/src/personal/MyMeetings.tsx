// The meetings the user organized through Switchboard (in chat or here), newest first: reschedule or
// cancel one, and see who attended one that is over.
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AttendanceView } from '../meeting/AttendanceView';
import { MeetingChanges } from '../meeting/MeetingChanges';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { timeRange } from '../meeting-time';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** `refresh` changes when a meeting was just made, so the list shows it. */
export function MyMeetings(props: { refresh: number }) {
  const styles = useStyles();
  const { api } = useSession();
  const [meetings, reload] = useLoad(() => api.myMeetings(), [props.refresh]);
  if (!meetings || meetings.length === 0) return null;
  return (
    <div className={styles.list} data-testid="my-meetings">
      <Text weight="semibold">Your meetings from Switchboard</Text>
      {meetings.map((m) => (
        <div key={m.id} className={styles.item} data-meeting={m.id}>
          <Text weight="semibold">{m.subject ?? 'Untitled meeting'}</Text>
          <Text size={200} data-testid="meeting-time">
            {timeRange(m.startDateTime, m.endDateTime)}
          </Text>
          {m.status !== 'cancelled' && (
            <Link href={m.joinWebUrl} target="_blank" rel="noreferrer">
              Join link
            </Link>
          )}
          <MeetingChanges key={`${m.id}/${m.startDateTime ?? ''}`} meeting={m} onChanged={reload} />
          <AttendanceView meeting={m} onRead={reload} />
        </div>
      ))}
    </div>
  );
}

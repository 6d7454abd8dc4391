// A meeting's side panel / chat tab: details from the context's meeting, participants with presence,
// and what the bot can do in it (join, leave, call someone in, mute, play an announcement). A meeting
// Switchboard created can be rescheduled or cancelled by its organizer, and shows who attended.
import { Button, Link, Select, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { CallCard } from '../CallCard';
import { timeRange } from '../meeting-time';
import { PersonRow } from '../PersonRow';
import { Section } from '../Section';
import { hostMeetingDetails } from '../host';
import { watch } from '../live';
import { useSession } from '../session';
import { useAction, useLoad } from '../use-load';
import { AttendanceView } from './AttendanceView';
import { MeetingChanges } from './MeetingChanges';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export default function MeetingPanel() {
  const styles = useStyles();
  const { api, host, fail } = useSession();
  const ref = { chatId: host.chatId, meetingId: host.meetingId };
  // The host's own details (subject, times, join link) arrive alongside; with the join link the API can
  // find a meeting it did not create.
  const [details] = useLoad(() => hostMeetingDetails(3000), []);
  const joinWebUrl = details?.joinWebUrl;
  const [view, reload] = useLoad(
    () => api.meeting({ ...ref, joinWebUrl }),
    [host.chatId, host.meetingId, joinWebUrl],
  );
  const [prompts] = useLoad(() => api.prompts(), []);
  const [prompt, setPrompt] = useState('');
  const [busy, run] = useAction();

  useEffect(() => {
    if (view) document.documentElement.dataset.ready = 'meeting';
  }, [view]);
  // The call's roster and the participants' presence change under way: reload on the stream's news.
  const watched = (view?.participants ?? [])
    .flatMap((p) => (p.userId ? [p.userId] : []))
    .sort()
    .join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(reload, 300);
    };
    const stop = watch(api, watched ? watched.split(',') : [], {
      presence: soon,
      call: soon,
      mode: () => undefined,
      // The stream is new whenever the roster changes; the call may have ended in between (a bot leaving).
      opened: soon,
      fail,
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [api, watched, reload, fail]);
  useEffect(() => {
    const first = prompts?.[0];
    if (first && !prompt) setPrompt(first.name);
  }, [prompts, prompt]);

  if (!view) return <Text>Loading the meeting…</Text>;
  const { call, participants } = view;
  const meeting =
    view.meeting ??
    (details?.joinWebUrl ? { ...details, id: '', joinWebUrl: details.joinWebUrl, attendees: [] } : null);
  // Mute takes the call's own participant id, which can differ from the meeting roster's.
  const inCall = new Map(
    (call?.participants ?? []).flatMap((p) => (p.userId ? [[p.userId, p] as const] : [])),
  );
  const nameOf = (id?: string) =>
    (id && id === host.userId ? host.userName : undefined) ??
    participants.find((p) => p.userId === id)?.displayName ??
    meeting?.attendees.find((a) => a.id === id)?.displayName ??
    id ??
    'unknown';
  const act = (work: () => Promise<unknown>) => run(() => work().then(reload));

  return (
    <div className={styles.col}>
      <Section title="Meeting" testId="meeting-details">
        {meeting ? (
          <>
            <Title3 as="h1" data-testid="meeting-subject">
              {meeting.subject ?? 'Untitled meeting'}
            </Title3>
            <Text data-testid="meeting-organizer">
              Organizer: {meeting.organizerName ?? nameOf(meeting.organizerId)}
            </Text>
            <Text data-testid="meeting-time">{timeRange(meeting.startDateTime, meeting.endDateTime)}</Text>
            <Link href={meeting.joinWebUrl} target="_blank" rel="noreferrer" data-testid="join-link">
              Join link
            </Link>
            {meeting.status && (
              <MeetingChanges
                key={`${meeting.id}/${meeting.startDateTime ?? ''}`}
                meeting={meeting}
                onChanged={reload}
              />
            )}
            {meeting.status && <AttendanceView meeting={meeting} onRead={reload} />}
          </>
        ) : (
          <Text>Teams did not say which meeting this is, or the meeting is not known to Switchboard.</Text>
        )}
        <div className={styles.bar}>
          {call ? (
            <Button disabled={busy} onClick={() => act(() => api.leaveMeeting(ref))}>
              Switchboard leaves
            </Button>
          ) : (
            <Button
              appearance="primary"
              disabled={busy || !meeting || meeting.status === 'cancelled'}
              onClick={() => act(() => api.joinMeeting({ ...ref, joinWebUrl: meeting?.joinWebUrl }))}
            >
              Have Switchboard join
            </Button>
          )}
          {call && prompts && prompts.length > 0 && (
            <>
              <Select aria-label="Announcement" value={prompt} onChange={(_, d) => setPrompt(d.value)}>
                {prompts.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.label}
                  </option>
                ))}
              </Select>
              <Button disabled={busy || !prompt} onClick={() => act(() => api.announce(call.id, prompt))}>
                Play announcement
              </Button>
            </>
          )}
        </div>
      </Section>
      <Section title="Participants" testId="meeting-participants">
        {participants.length === 0 && <Text>Nobody yet.</Text>}
        {participants.map((p) => {
          const uid = p.userId;
          return (
            <PersonRow
              key={p.id}
              id={uid ?? p.id}
              name={p.displayName ?? uid ?? p.kind}
              note={p.isBot ? 'App' : p.isInLobby ? 'In the lobby' : undefined}
              presence={p.presence}
            >
              {call && uid && !inCall.has(uid) && !p.isBot && (
                <Button size="small" disabled={busy} onClick={() => act(() => api.invite(call.id, [uid]))}>
                  Call in
                </Button>
              )}
              {call && uid && inCall.has(uid) && !inCall.get(uid)?.isMuted && !p.isBot && (
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => act(() => api.mute(call.id, inCall.get(uid)?.id ?? p.id))}
                >
                  Mute
                </Button>
              )}
            </PersonRow>
          );
        })}
      </Section>
      {call && (
        <Section title="Switchboard's call" testId="meeting-call">
          <CallCard call={call} onChanged={reload} />
        </Section>
      )}
    </div>
  );
}

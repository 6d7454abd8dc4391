// The personal tab: presence board (and, in a team channel, the team's members), new meeting, live
// calls, the call queues' boards (when the deployment has queues), call history (loaded after the rest).
import { Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { CallCard } from '../CallCard';
import { watch } from '../live';
import { Section } from '../Section';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { newer, type Call, type Presence, type QueueBoard } from '../types';
import { loadBoard, saveBoard } from './board-store';
import type { Picked } from './board-store';
import { MeetingForm } from './MeetingForm';
import { PresenceBoard } from './PresenceBoard';
import { QueueBoards } from './QueueBoards';

const History = lazy(() => import('./History'));
const TeamBoard = lazy(() => import('./TeamBoard'));

/** The most people one live-updates stream watches (the API's limit). */
const MAX_WATCHED = 100;

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
    alignItems: 'start',
  },
});

export default function Personal() {
  const styles = useStyles();
  const { api, host, generation, fail } = useSession();
  const [me] = useLoad(() => api.me(), []);
  const [people, setPeople] = useState<Picked[]>(() => loadBoard(host.userId));
  const [presence, setPresence] = useState(() => new Map<string, Presence>());
  const [selected, setSelected] = useState(() => new Set<string>());
  const [mode, setMode] = useState('');
  const [calls, setCalls] = useState(() => new Map<string, Call>());
  const [listed, reloadCalls] = useLoad(() => api.calls(), []);
  const [team] = useLoad(
    () => (host.teamId ? api.teamMembers(host.teamId) : Promise.resolve(undefined)),
    [host.teamId],
  );
  const members = team?.members;
  const [queues, setQueues] = useState(() => new Map<string, QueueBoard>());
  const [listedQueues] = useLoad(
    () => (me?.features.queues ? api.queues() : Promise.resolve(undefined)),
    [me?.features.queues],
  );
  // The list and the stream race: whichever board was read later wins.
  useEffect(() => {
    if (listedQueues) setQueues((m) => listedQueues.reduce(withNewer, m));
  }, [listedQueues]);
  // Everyone selectable: the picked people, then team members not picked already.
  const candidates = useMemo<Picked[]>(() => {
    const picked = new Set(people.map((p) => p.id));
    return [...people, ...(members ?? []).filter((m) => !picked.has(m.id))];
  }, [people, members]);

  useEffect(() => saveBoard(host.userId, people), [host.userId, people]);
  useEffect(() => {
    // The list says which calls there are; a version the stream brought meanwhile is kept if newer.
    if (listed) setCalls((m) => new Map(listed.map((c) => [c.id, newerOf(m.get(c.id), c)])));
  }, [listed]);

  const ids = useMemo(
    () =>
      candidates
        .slice(0, MAX_WATCHED)
        .map((p) => p.id)
        .sort()
        .join(','),
    [candidates],
  );
  useEffect(() => {
    const list = ids ? ids.split(',') : [];
    return watch(api, list, {
      presence: (p) => setPresence((m) => new Map(m).set(p.id, p)),
      call: (c) => setCalls((m) => (newer(m.get(c.id), c) ? new Map(m).set(c.id, c) : m)),
      queue: (b) => setQueues((m) => withNewer(m, b)),
      mode: setMode,
      opened: reloadCalls,
      fail,
    });
  }, [api, ids, generation, fail, reloadCalls]);

  useEffect(() => {
    if (me) document.documentElement.dataset.ready = 'personal';
  }, [me]);

  const toggle = useCallback(
    (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const live = [...calls.values()].filter((c) => c.state !== 'terminated');

  return (
    <>
      <Title3 as="h1">{me ? `Switchboard for ${me.user.displayName}` : 'Switchboard'}</Title3>
      <div className={styles.grid}>
        {host.teamId && (
          <Suspense fallback={<Spinner size="tiny" />}>
            <TeamBoard
              teamName={host.teamName}
              members={members}
              more={team?.more === true}
              presence={presence}
              selected={selected}
              onToggle={toggle}
            />
          </Suspense>
        )}
        <PresenceBoard
          people={people}
          candidates={candidates}
          presence={presence}
          selected={selected}
          mode={mode}
          onToggle={toggle}
          onAdd={(p) => setPeople((list) => [...list, { id: p.id, displayName: p.displayName }])}
          onRemove={(id) => setPeople((list) => list.filter((p) => p.id !== id))}
        />
        <MeetingForm attendees={candidates.filter((p) => selected.has(p.id))} calls={calls} />
        <Section title="Live calls" testId="calls">
          {live.length === 0 && <Text>No calls under way.</Text>}
          {live.map((c) => (
            <CallCard key={c.id} call={c} onChanged={reloadCalls} />
          ))}
        </Section>
        {me?.features.queues && <QueueBoards boards={[...queues.values()]} />}
        <Suspense fallback={<Spinner size="tiny" />}>
          <History />
        </Suspense>
      </div>
    </>
  );
}

/** The boards with `b` in, unless the board already shown was read after it. */
function withNewer(boards: Map<string, QueueBoard>, b: QueueBoard): Map<string, QueueBoard> {
  const shown = boards.get(b.queue);
  if (shown && Date.parse(shown.at) > Date.parse(b.at)) return boards;
  return new Map(boards).set(b.queue, b);
}

function newerOf(shown: Call | undefined, listed: Call): Call {
  return shown && !newer(shown, listed) ? shown : listed;
}

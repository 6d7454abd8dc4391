// A roster notification: merged into the roster we keep; joins and leaves become events.
import type { StoredCall } from '../storage';
import type { PendingEvent } from './events';
import { arrayData, NOTHING, saveCall, type Handler } from './handler-kit';
import { readMeta, withSeen, type CallMeta } from './model/annotations';
import { rungOfIdentity } from './model/keys';
import { blankCall } from './reduce-call';
import { callWireIdOf } from './stored-notification';
import { applyRoster, readRoster } from './roster';
import { callView, participantView } from './views';

export const handleRoster: Handler = async ({ tx, row, n, now, timeline }) => {
  const existing = await tx.calls.get(row.callId);
  const base = existing ?? blankCall(row.callId, callWireIdOf(n), row.tenantId, now);
  if (base.state === 'terminated') {
    timeline.push({
      callId: row.callId,
      at: now,
      kind: 'decision',
      summary: 'ignored roster: the call already ended',
    });
    return NOTHING;
  }
  const change = applyRoster(readRoster(base.participants), n.changeType, arrayData(n));
  const others = (list: typeof change.joined) =>
    list.map((e) => participantView(e, base.myParticipantId)).filter((p) => !p.isSelf);
  const joined = others(change.joined);
  const left = others(change.left);
  // Who was in the call, and when, outlives the roster: the call model keeps it in the annotations.
  let meta: CallMeta = readMeta(base.meta);
  const note = (list: typeof joined, status: 'joined' | 'left') => {
    for (const p of list) {
      const who = { ...rungOfIdentity(p.identity, p.id), participantId: p.id, muted: p.isMuted };
      meta = withSeen(meta, who, status, now);
    }
  };
  note(joined, 'joined');
  note(others(change.changed), 'joined');
  note(left, 'left');
  const call: StoredCall = {
    ...base,
    participants: change.roster,
    meta,
    lastNotifiedAt: now,
    updatedAt: now,
  };
  const changed = await saveCall(tx, existing, call);
  const view = callView(call);
  const events: PendingEvent[] = [];
  if (joined.length > 0)
    events.push({ name: 'participantsJoined', payload: { call: view, participants: joined } });
  if (left.length > 0) events.push({ name: 'participantsLeft', payload: { call: view, participants: left } });
  timeline.push({
    callId: row.callId,
    at: now,
    kind: 'decision',
    summary: `roster: ${Object.keys(change.roster.present).length} present, +${change.joined.length} -${change.left.length} ~${change.changed.length}`,
  });
  return { events, settled: [], ...(changed ? { changed } : {}) };
};

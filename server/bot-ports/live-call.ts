// The call model's view of a call, drawn as the bot's LiveCall: phase, people (including those still
// being rung), when it connected and why it ended, in words.
import type { CallParticipant, CallPhase, LiveCall } from '../../bot';
import type { CallState, CallView, ParticipantView } from '../../calling';
import type { CallNote, InvitedParty } from './call-notes';

// Graph's states as the bot's phases; `terminating` is settled below by whether the call had connected.
const PHASES: Record<CallState, CallPhase | undefined> = {
  incoming: 'ringing',
  ringing: 'ringing',
  establishing: 'connecting',
  redirecting: 'connecting',
  established: 'connected',
  hold: 'onHold',
  transferring: 'transferring',
  transferAccepted: 'transferring',
  terminating: undefined,
  terminated: 'ended',
};

/** The bot's phase for a call state. */
export function phaseOf(state: CallState, connected: boolean): CallPhase {
  return PHASES[state] ?? (connected ? 'connected' : 'connecting');
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

/** What kind of call a view is, when no note says so: from its direction and the Graph resource. */
export function kindOf(view: CallView): LiveCall['kind'] {
  if (view.direction === 'incoming') return 'incoming';
  const r = view.resource;
  if (record(r['meetingInfo'])) return 'meeting';
  const targets = Array.isArray(r['targets']) ? (r['targets'] as unknown[]) : [];
  if (targets.length > 1) return 'group';
  const identity = record(record(targets[0])?.['identity']);
  return identity?.['phone'] ? 'pstn' : 'p2p';
}

function participantOf(
  p: ParticipantView,
  invited: readonly InvitedParty[],
  appName: string,
): CallParticipant {
  const who = p.identity;
  const bot = p.isSelf || who.kind === 'application' || who.kind === 'applicationInstance';
  const kind: CallParticipant['kind'] = bot
    ? 'bot'
    : who.kind === 'user'
      ? 'person'
      : who.kind === 'phone'
        ? 'phone'
        : 'guest';
  const known = who.id ? invited.find((i) => i.id === who.id)?.name : undefined;
  const name = who.displayName ?? known ?? (bot ? appName : who.kind === 'phone' ? who.id : undefined);
  return { id: p.id, name: name ?? 'Someone', kind, muted: p.isMuted, joined: !p.isInLobby };
}

export interface LiveCallOptions {
  /** What the bot's own leg is called. */
  readonly appName: string;
  /** The time now (epoch ms): people rung longer ago than a phone rings did not pick up. */
  readonly now: number;
  readonly sequence?: number;
}

/** How long a phone rings before Graph gives up on it. */
export const RING_LIMIT_MS = 60_000;

/** The bot's snapshot of a call. */
export function liveCallOf(view: CallView, note: CallNote, opts: LiveCallOptions): LiveCall {
  const kind = note.kind ?? kindOf(view);
  const phase = phaseOf(view.state, note.connectedAt !== undefined);
  const invited = note.invited ?? [];
  const present = view.participants.map((p) => participantOf(p, invited, opts.appName));
  const seen = new Set(view.participants.flatMap((p) => (p.identity.id ? [p.identity.id] : [])));
  const participants = [...present];
  if (phase !== 'ended') {
    // Whom the bot is calling, until the roster names them. In a 1:1 call, established means they
    // answered, even if the roster has not caught up yet. Someone the roster named before has left; in
    // a group call or meeting, someone rung for longer than a phone rings did not pick up.
    const oneToOne = kind === 'p2p' || kind === 'pstn' || kind === 'connect';
    const answered = oneToOne && (phase === 'connected' || phase === 'onHold' || phase === 'transferring');
    for (const i of invited) {
      if (seen.has(i.id) || i.seen) continue;
      const original = oneToOne && !i.later;
      if (!original && opts.now - (i.at ?? view.createdAt) > RING_LIMIT_MS) continue;
      participants.push({ id: i.id, name: i.name, kind: i.kind, muted: false, joined: answered && original });
    }
    const caller = view.source;
    if (kind === 'incoming' && caller.id && !seen.has(caller.id)) {
      participants.push({
        id: caller.id,
        name: caller.displayName ?? (caller.kind === 'phone' ? caller.id : 'Someone'),
        kind: caller.kind === 'phone' ? 'phone' : caller.kind === 'user' ? 'person' : 'guest',
        muted: false,
        joined: phase !== 'ringing',
      });
    }
  }
  const endReason =
    phase === 'ended' ? (note.hungUpBy ? `hung up by ${note.hungUpBy}` : view.end?.reason) : undefined;
  const subject =
    note.subject ?? (typeof view.resource['subject'] === 'string' ? view.resource['subject'] : undefined);
  return {
    id: view.id,
    kind,
    phase,
    ...(subject ? { subject } : {}),
    participants,
    createdAt: view.createdAt,
    ...(note.connectedAt !== undefined ? { connectedAt: note.connectedAt } : {}),
    ...(phase === 'ended' ? { endedAt: view.endedAt ?? view.updatedAt } : {}),
    ...(endReason ? { endReason } : {}),
    ...(note.requestedBy ? { requestedBy: note.requestedBy } : {}),
    ...(opts.sequence !== undefined ? { sequence: opts.sequence } : {}),
  };
}

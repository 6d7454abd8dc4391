// The Call and Participant shapes of the tab API (README "Shapes"), from the call model's views.
import type { CallView, ParticipantView } from '../../../calling';

export interface TabParticipant {
  readonly id: string;
  readonly userId?: string;
  readonly displayName?: string;
  readonly kind: string;
  readonly isMuted: boolean;
  readonly isInLobby: boolean;
  readonly isBot: boolean;
  readonly presence?: { id: string; availability: string; activity: string };
}

export interface TabCall {
  readonly id: string;
  readonly state: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly subject?: string;
  readonly kind: 'p2p' | 'group' | 'meeting';
  readonly participants: TabParticipant[];
  readonly createdAt: string;
  readonly endedAt?: string;
  readonly endReason?: string;
}

/** One participant as the tab shows it. */
export function toTabParticipant(p: ParticipantView): TabParticipant {
  return {
    id: p.id,
    ...(p.identity.kind === 'user' && p.identity.id ? { userId: p.identity.id } : {}),
    ...(p.identity.displayName ? { displayName: p.identity.displayName } : {}),
    kind: p.identity.kind,
    isMuted: p.isMuted,
    isInLobby: p.isInLobby,
    isBot: p.isSelf,
  };
}

/** Whether the call is a meeting (it carries chatInfo) or a group call, from Graph's call resource. */
function kindOf(call: CallView): TabCall['kind'] {
  const r = call.resource;
  if (r['chatInfo'] || r['meetingInfo']) return 'meeting';
  const targets = Array.isArray(r['targets']) ? r['targets'].length : 0;
  const others = call.participants.filter((p) => !p.isSelf).length;
  return Math.max(targets, others) > 1 ? 'group' : 'p2p';
}

/** A call as the tab shows it. */
export function toTabCall(call: CallView): TabCall {
  const subject = typeof call.resource['subject'] === 'string' ? call.resource['subject'] : undefined;
  return {
    id: call.id,
    state: call.state,
    direction: call.direction,
    ...(subject ? { subject } : {}),
    kind: kindOf(call),
    participants: call.participants.map(toTabParticipant),
    createdAt: new Date(call.createdAt).toISOString(),
    ...(call.endedAt !== undefined ? { endedAt: new Date(call.endedAt).toISOString() } : {}),
    ...(call.end ? { endReason: call.end.reason } : {}),
  };
}

/** The thread id of a meeting call (chatInfo.threadId), if it is one. */
export function threadIdOf(call: CallView): string | undefined {
  const chat = call.resource['chatInfo'];
  const id = chat && typeof chat === 'object' ? (chat as Record<string, unknown>)['threadId'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

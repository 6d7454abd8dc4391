import type { Turn } from './channel';
import type { Scope } from './commands/scope';
import type { Clock } from './parse/when';
import type { Core } from './core';

/** The user's clock: their own time zone when the client sent one, else UTC. */
export function clockOf(turn: Turn, now: number): Clock {
  return { now, timeZone: turn.timeZone ?? 'UTC' };
}

/** Everything a command may use, for this turn. */
export function scopeOf(turn: Turn, core: Core, via: Scope['via']): Scope {
  const { sender, conversation } = turn;
  const conversationId = conversation.id;
  return {
    ports: core.ports,
    requester: {
      name: sender.name ?? 'Someone',
      ...(sender.aadObjectId ? { aadObjectId: sender.aadObjectId } : {}),
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    },
    userId: sender.id,
    conversationId,
    conversationType: conversation.type,
    clock: clockOf(turn, core.now()),
    via,
    roster: turn.roster,
    liveCall: (callId) => core.liveCards.latest(callId),
    alerts: {
      isHere: async () => (await core.conversations.alertsConversation()) === conversationId,
      setHere: () => core.conversations.setAlertsConversation(conversationId),
    },
  };
}

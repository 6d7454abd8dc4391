import type { TurnContext } from 'botbuilder';
import type { MentionInput } from './parse/tokens';
import type { Scope } from './commands/scope';
import { isTimeZone } from '../time';
import type { Clock } from './parse/when';
import type { Core } from './core';

/** The user's clock: Teams sends their IANA zone in localTimezone (and in the clientInfo entity). */
export function clockOf(ctx: TurnContext, now: number): Clock {
  const a = ctx.activity;
  const fromEntity = (a.entities ?? []).find((e) => e.type === 'clientInfo') as
    { timezone?: string } | undefined;
  const zone = [a.localTimezone, fromEntity?.timezone].find((z) => isTimeZone(z));
  return { now, timeZone: zone ?? 'UTC' };
}

/** The people @mentioned in the message, without the bot itself. */
export function mentionsOf(ctx: TurnContext): MentionInput[] {
  const botId = ctx.activity.recipient?.id;
  const out: MentionInput[] = [];
  for (const e of ctx.activity.entities ?? []) {
    if (e.type !== 'mention') continue;
    const m = e as { mentioned?: { id?: string; name?: string }; text?: string };
    if (!m.mentioned?.id || m.mentioned.id === botId) continue;
    out.push({
      id: m.mentioned.id,
      name: m.mentioned.name ?? '',
      text: m.text ?? `<at>${m.mentioned.name ?? ''}</at>`,
    });
  }
  return out;
}

function conversationType(ctx: TurnContext): Scope['conversationType'] {
  const t = ctx.activity.conversation.conversationType;
  return t === 'channel' || t === 'groupChat' ? t : 'personal';
}

/** Everything a command may use, for this turn. */
export function scopeOf(ctx: TurnContext, core: Core, via: Scope['via']): Scope {
  const a = ctx.activity;
  const tenantId =
    a.conversation.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const conversationId = a.conversation.id;
  return {
    ports: core.ports,
    requester: {
      name: a.from.name ?? 'Someone',
      ...(a.from.aadObjectId ? { aadObjectId: a.from.aadObjectId } : {}),
      ...(tenantId ? { tenantId } : {}),
    },
    userId: a.from.id,
    conversationId,
    conversationType: conversationType(ctx),
    clock: clockOf(ctx, core.now()),
    via,
    roster: core.roster(ctx),
    liveCall: (callId) => core.liveCards.latest(callId),
    alerts: {
      isHere: async () => (await core.conversations.alertsConversation()) === conversationId,
      setHere: () => core.conversations.setAlertsConversation(conversationId),
    },
  };
}

import { TurnContext, type Activity } from 'botbuilder';
import { isTimeZone } from '../../time';
import type { ConversationType, Turn } from '../channel';
import type { MentionInput } from '../parse/tokens';
import { cardMessage } from './cards';
import type { RosterFactory } from './teams-roster';

/** The user's zone: Teams sends their IANA zone in localTimezone (and in the clientInfo entity). */
function timeZoneOf(a: Activity): string | undefined {
  const fromEntity = (a.entities ?? []).find((e) => e.type === 'clientInfo') as
    { timezone?: string } | undefined;
  return [a.localTimezone, fromEntity?.timezone].find((z) => isTimeZone(z));
}

function mentionsOf(a: Activity): MentionInput[] {
  const botId = a.recipient?.id;
  const out: MentionInput[] = [];
  for (const e of a.entities ?? []) {
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

function conversationType(a: Activity): ConversationType {
  const t = a.conversation.conversationType;
  return t === 'channel' || t === 'groupChat' ? t : 'personal';
}

/** botbuilder's turn as the bot's own Turn. */
export function turnOf(ctx: TurnContext, roster: RosterFactory): Turn {
  const a = ctx.activity;
  const tenantId =
    a.conversation.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const timeZone = timeZoneOf(a);
  return {
    text: (a.type === 'message' ? TurnContext.removeRecipientMention(a) : undefined) ?? a.text ?? '',
    value: a.value,
    ...(a.replyToId ? { replyToId: a.replyToId } : {}),
    sender: {
      id: a.from?.id ?? '',
      ...(a.from?.name ? { name: a.from.name } : {}),
      ...(a.from?.aadObjectId ? { aadObjectId: a.from.aadObjectId } : {}),
    },
    conversation: { id: a.conversation.id, type: conversationType(a), ...(tenantId ? { tenantId } : {}) },
    ...(timeZone ? { timeZone } : {}),
    mentions: mentionsOf(a),
    roster: roster(ctx),
    send: async (card) => (await ctx.sendActivity(cardMessage(card)))?.id,
    update: async (activityId, card) => {
      await ctx.updateActivity(cardMessage(card, activityId));
    },
  };
}

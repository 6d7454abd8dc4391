// The calling flows tell people what happened (a reminder's outcome, an escalation, a click-to-call
// result) through a Notifier; the bot posts cards proactively. This joins the two. The flows are built
// before the bot (the bot's ports need them), so the bot's notifier is attached once it exists.
import type { AdaptiveCard, BotNotifier } from '../../bot';
import type { NotificationCard, Notifier } from '../../calling';

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** A flow's notice as an Adaptive Card: its title, its sentence and its facts. */
export function notificationCard(n: NotificationCard): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: '1.5',
    body: [
      { type: 'TextBlock', text: n.title, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: n.text, wrap: true },
      ...(n.facts.length > 0
        ? [{ type: 'FactSet', facts: n.facts.map((f) => ({ title: f.title, value: f.value })) }]
        : []),
    ],
    msteams: { width: 'Full' },
    fallbackText: `${n.title}: ${n.text}`,
  };
}

/** A Notifier for the flows that posts through the bot's notifier once `attach` has given it. */
export function createFlowNotifier(): {
  notifier: Notifier;
  attach(bot: Pick<BotNotifier, 'postCard'>): void;
} {
  let bot: Pick<BotNotifier, 'postCard'> | undefined;
  return {
    notifier: {
      async postCard(target, card) {
        if (!bot) throw new Error('the bot is not ready to post notices yet');
        // An empty target means "no particular chat": the bot's alerts chat.
        await bot.postCard(notificationCard(card), target || undefined);
      },
    },
    attach(b) {
      bot = b;
    },
  };
}

// The calling flows tell people what happened (a reminder's outcome, an escalation, a click-to-call
// result) through a Notifier; the bot draws and posts each notice as its card, proactively. This joins
// the two. The flows are built before the bot (the bot's ports need them), so the bot's notifier is
// attached once it exists.
import type { BotNotifier } from '../../bot';
import type { Notifier } from '../../calling';

/** What the flows' notices need of the bot's notifier. */
type FlowNoticeBot = Pick<BotNotifier, 'notice'> & Partial<Pick<BotNotifier, 'agentRung'>>;

/** A Notifier for the flows that posts through the bot's notifier once `attach` has given it. */
export function createFlowNotifier(): {
  notifier: Notifier;
  attach(bot: FlowNoticeBot): void;
} {
  let bot: FlowNoticeBot | undefined;
  return {
    notifier: {
      async postCard(target, card) {
        if (!bot) throw new Error('the bot is not ready to post notices yet');
        // An empty target means "no particular chat": the bot's alerts chat.
        await bot.notice(card, target || undefined);
      },
      async agentRung(n) {
        if (!bot) throw new Error('the bot is not ready to post notices yet');
        if (!bot.agentRung) throw new Error('this bot posts no ring cards to agents');
        await bot.agentRung(n);
      },
    },
    attach(b) {
      bot = b;
    },
  };
}

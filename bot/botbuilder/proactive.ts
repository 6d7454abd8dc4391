import type { BotAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationRef } from '../channel';
import type { Proactive } from '../live/proactive';
import { cardMessage } from './cards';

/** How a proactive turn is started: botbuilder's continueConversationAsync, or a test's own. */
export type ContinueConversation = (
  ref: Partial<ConversationReference>,
  logic: (ctx: TurnContext) => Promise<void>,
) => Promise<void>;

/** Proactive card posts and edits, each in its own proactive turn. */
export function proactiveThrough(continueWith: ContinueConversation): Proactive {
  // The reference is the one botbuilder gave (TurnContext.getConversationReference), read back from storage.
  const asReference = (ref: ConversationRef) => ref as Partial<ConversationReference>;
  return {
    async send(ref, card) {
      let id: string | undefined;
      await continueWith(asReference(ref), async (ctx) => {
        id = (await ctx.sendActivity(cardMessage(card)))?.id;
      });
      return id;
    },
    update: (ref, activityId, card) =>
      continueWith(asReference(ref), async (ctx) => {
        await ctx.updateActivity(cardMessage(card, activityId));
      }),
  };
}

/** Proactive turns through the adapter's continueConversationAsync, as the bot's app id. */
export function adapterProactive(adapter: BotAdapter, botAppId: string): Proactive {
  return proactiveThrough((ref, logic) => adapter.continueConversationAsync(botAppId, ref, logic));
}

import type { BotAdapter, ConversationReference, TurnContext } from 'botbuilder';

/** Runs bot logic in a conversation outside of a user's turn (card updates, notifications). */
export interface Proactive {
  continue(ref: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>): Promise<void>;
}

/** Proactive turns through botbuilder's continueConversationAsync (CloudAdapter, or a test adapter). */
export function adapterProactive(adapter: BotAdapter, botAppId: string): Proactive {
  return {
    continue: (ref, logic) => adapter.continueConversationAsync(botAppId, ref, logic),
  };
}

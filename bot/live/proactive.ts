import type { AdaptiveCard } from '../cards/types';
import type { ConversationRef } from '../channel';

/** Messages outside of a user's turn (card updates, notifications), in a conversation the bot was in. */
export interface Proactive {
  /** Posts a card; returns its activity id when the channel gives one. */
  send(ref: ConversationRef, card: AdaptiveCard): Promise<string | undefined>;
  /** Replaces the card of a message the bot posted earlier. */
  update(ref: ConversationRef, activityId: string, card: AdaptiveCard): Promise<void>;
}

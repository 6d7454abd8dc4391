import { CardFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/types';

/** A message that shows one Adaptive Card; with an id, the message it replaces. */
export function cardMessage(card: AdaptiveCard, id?: string): Partial<Activity> {
  return {
    type: 'message',
    ...(id ? { id } : {}),
    attachments: [CardFactory.adaptiveCard(card)],
  };
}

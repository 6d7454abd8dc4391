import { card, heading, text } from './elements';
import type { AdaptiveCard, CardAction } from './types';

/** A short confirmation: a title, a sentence, maybe buttons. */
export function noticeCard(
  title: string,
  message: string,
  actions: readonly CardAction[] = [],
  color: 'default' | 'good' | 'warning' = 'default',
): AdaptiveCard {
  return card([heading(title, color), text(message)], actions, { fallbackText: `${title}: ${message}` });
}

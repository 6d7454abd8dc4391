import type { Route } from './commands/router';
import type { ConversationBook } from './live/conversations';
import type { LiveCallCards } from './live/call-cards';
import type { MeetingCards } from './live/meeting-cards';
import type { QueueCards } from './live/queue-cards';
import type { BotPorts } from './ports';
import type { BotLogger } from './types';

/** What the turn logic needs, built once per bot. */
export interface Core {
  readonly ports: BotPorts;
  readonly liveCards: LiveCallCards;
  readonly meetingCards: MeetingCards;
  readonly queueCards: QueueCards;
  readonly conversations: ConversationBook;
  readonly logger: BotLogger;
  readonly now: () => number;
  readonly routes: readonly Route[];
}

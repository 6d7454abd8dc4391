import type { TurnLogic } from './channel';
import { ROUTES } from './commands/router';
import type { Core } from './core';
import { LiveCallCards } from './live/call-cards';
import { ConversationBook } from './live/conversations';
import { MeetingCards } from './live/meeting-cards';
import { QueueCards } from './live/queue-cards';
import { QueueFollow } from './live/queue-follow';
import { createNotifier, type BotNotifier } from './live/notifier';
import type { Proactive } from './live/proactive';
import type { BotPorts } from './ports';
import type { BotStorage } from './storage';
import { turnLogic } from './turn';
import type { BotLogger } from './types';

export interface BotLogicOptions {
  readonly ports: BotPorts;
  readonly storage: BotStorage;
  readonly logger: BotLogger;
  /** How the bot posts and edits cards outside of a user's turn. */
  readonly proactive: Proactive;
  /** Where alerts go until a chat claims them with "Post alerts in this chat". */
  readonly alertsConversationId?: string;
  readonly now?: () => number;
  /** How often the cards of connected calls are redrawn so their duration ticks (default 15 s; 0: never). */
  readonly tickMs?: number;
}

/** The bot's logic, whatever the channel SDK: turns, the notifier, and its subscriptions. */
export interface BotLogic {
  readonly turns: TurnLogic;
  readonly notifier: BotNotifier;
  /** Redraws the cards of connected calls now (the ticker does this every `tickMs`). */
  tick(): void;
  /** Stops following call and meeting updates, and the ticker. */
  close(): void;
}

/** Wires the turn logic, live call and meeting cards and the notifier over the ports. */
export function createBotLogic(opts: BotLogicOptions): BotLogic {
  const { storage, proactive } = opts;
  const now = opts.now ?? Date.now;
  const conversations = new ConversationBook(storage);
  const liveCards = new LiveCallCards({
    storage,
    conversations,
    proactive,
    calls: opts.ports.calls,
    logger: opts.logger,
    now,
  });
  const meetingCards = new MeetingCards({ storage, conversations, proactive, logger: opts.logger });
  // The boards are followed only while a queue card is live: an app nobody looks at reads nothing.
  const queueFollow = new QueueFollow({
    storage,
    queues: opts.ports.queues,
    onBoard: (board) => queueCards.update(board),
    now,
    logger: opts.logger,
  });
  const queueCards = new QueueCards({ storage, conversations, proactive, logger: opts.logger }, (queue) =>
    queueFollow.tracked(queue),
  );
  const core: Core = {
    ports: opts.ports,
    liveCards,
    meetingCards,
    queueCards,
    conversations,
    logger: opts.logger,
    now,
    routes: ROUTES,
  };
  const unsubscribeCalls = opts.ports.calls.subscribe((call) => liveCards.update(call));
  const unsubscribeMeetings = opts.ports.meetings.subscribe((meeting) => meetingCards.update(meeting));
  queueFollow.start();
  // One ticker for every live card: a connected call's duration moves on between the call's changes.
  const tickMs = opts.tickMs ?? 15_000;
  const ticker = tickMs > 0 ? setInterval(() => liveCards.redrawConnected(), tickMs) : undefined;
  ticker?.unref();
  return {
    turns: turnLogic(core),
    notifier: createNotifier({
      conversations,
      proactive,
      ...(opts.alertsConversationId ? { defaultConversationId: opts.alertsConversationId } : {}),
    }),
    tick: () => liveCards.redrawConnected(),
    close: () => {
      clearInterval(ticker);
      unsubscribeCalls();
      unsubscribeMeetings();
      queueFollow.close();
    },
  };
}

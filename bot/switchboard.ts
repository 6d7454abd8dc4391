import { MemoryStorage, type BotAdapter, type Storage } from 'botbuilder';
import { ROUTES } from './commands/router';
import type { Core } from './core';
import { SwitchboardBot } from './botbuilder/handler';
import { LiveCallCards } from './live/call-cards';
import { ConversationBook } from './live/conversations';
import { MeetingCards } from './live/meeting-cards';
import { createNotifier, type BotNotifier } from './live/notifier';
import { adapterProactive, type Proactive } from './live/proactive';
import { teamsRoster, type RosterFactory } from './botbuilder/teams-roster';
import type { BotPorts } from './ports';
import type { BotLogger } from './types';

export interface SwitchboardOptions {
  readonly ports: BotPorts;
  /** botbuilder Storage; server/ passes createBotStorage(store) so references survive restarts. */
  readonly storage?: Storage;
  readonly logger: BotLogger;
  /** The app id that proactive turns run as ('' in local mode). */
  readonly botAppId?: string;
  /** Where alerts go until a chat claims them with "Post alerts in this chat". */
  readonly alertsConversationId?: string;
  readonly roster?: RosterFactory;
  /** How proactive turns run; defaults to the adapter's continueConversationAsync. */
  readonly proactive?: Proactive;
  readonly now?: () => number;
  /** How often the cards of connected calls are redrawn so their duration ticks (default 15 s; 0: never). */
  readonly tickMs?: number;
}

/** The bot's logic on any botbuilder adapter: the activity handler, the notifier, and its subscription. */
export interface Switchboard {
  readonly handler: SwitchboardBot;
  readonly notifier: BotNotifier;
  /** Redraws the cards of connected calls now (the ticker does this every `tickMs`). */
  tick(): void;
  /** Stops following call and meeting updates, and the ticker. */
  close(): void;
}

/** Wires the handler, live call cards and notifier on an adapter (CloudAdapter, or a test adapter). */
export function createSwitchboard(adapter: BotAdapter, opts: SwitchboardOptions): Switchboard {
  const storage = opts.storage ?? new MemoryStorage();
  const now = opts.now ?? Date.now;
  const proactive = opts.proactive ?? adapterProactive(adapter, opts.botAppId ?? '');
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
  const core: Core = {
    ports: opts.ports,
    liveCards,
    meetingCards,
    conversations,
    roster: opts.roster ?? teamsRoster(opts.logger),
    logger: opts.logger,
    now,
    routes: ROUTES,
  };
  const unsubscribeCalls = opts.ports.calls.subscribe((call) => liveCards.update(call));
  const unsubscribeMeetings = opts.ports.meetings.subscribe((meeting) => meetingCards.update(meeting));
  // One ticker for every live card: a connected call's duration moves on between the call's changes.
  const tickMs = opts.tickMs ?? 15_000;
  const ticker = tickMs > 0 ? setInterval(() => liveCards.redrawConnected(), tickMs) : undefined;
  ticker?.unref();
  return {
    handler: new SwitchboardBot(core),
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
    },
  };
}

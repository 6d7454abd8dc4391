import { createBotLogic } from './bot-logic';
import { cloudAdapterHost, memoryStorage } from './botbuilder';
import type { BotAuthSettings } from './host';
import type { BotNotifier, Posted } from './live/notifier';
import type { BotPorts } from './ports';
import type { BotStorage } from './storage';
import type { BotLogger, BotRequest, BotResponse } from './types';
import { unavailablePorts } from './unavailable-ports';

export type { BotAuthSettings, BotLogger, BotRequest, BotResponse, BotNotifier, Posted, BotStorage };
export type * from './ports';
export type {
  AgentRungNotice,
  Caller,
  EscalationNotice,
  FlowNotice,
  IvrNotice,
  ReminderNotice,
  ReminderOutcome,
} from './notices';
export type { AdaptiveCard } from './cards/types';
export { createSwitchboard, type Switchboard, type SwitchboardOptions } from './botbuilder';
export { unavailablePorts } from './unavailable-ports';
export { BotAuthRefused, BotAuthUnavailable } from './errors';

export interface Bot {
  /** Runs one inbound activity through the channel SDK (auth, turn) and returns what to answer. */
  process(req: BotRequest): Promise<BotResponse>;
  /** What the calling flows call to tell people things (reminder outcomes, escalations, IVR). */
  readonly notifier: BotNotifier;
  /** Stops following call updates. */
  close(): void;
}

export interface CreateBotOptions {
  readonly auth: BotAuthSettings;
  readonly logger: BotLogger;
  /** The calling module behind the bot's ports; without it every command answers "not set up here". */
  readonly ports?: BotPorts;
  /** Conversation references and live cards (server/: createBotStorage(store)); default: memory. */
  readonly storage?: BotStorage;
  /** Where escalations and IVR alerts go until a chat claims them. */
  readonly alertsConversationId?: string;
}

/** Builds the messaging bot on its channel host (botbuilder's CloudAdapter, bot/botbuilder/). */
export function createBot(opts: CreateBotOptions): Bot {
  const host = cloudAdapterHost(opts.auth, opts.logger);
  const logic = createBotLogic({
    ports: opts.ports ?? unavailablePorts(),
    logger: opts.logger,
    storage: opts.storage ?? memoryStorage(),
    proactive: host.proactive,
    ...(opts.alertsConversationId ? { alertsConversationId: opts.alertsConversationId } : {}),
  });
  return {
    process: host.serve(logic.turns),
    notifier: logic.notifier,
    close: logic.close,
  };
}
export { CATALOG } from './commands/catalog';

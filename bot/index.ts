import type { Storage } from 'botbuilder';
import { createAdapter, type BotAuthSettings } from './botbuilder/adapter';
import type { BotNotifier, Posted } from './live/notifier';
import type { BotPorts } from './ports';
import { processActivity } from './botbuilder/process';
import { createSwitchboard } from './switchboard';
import type { BotLogger, BotRequest, BotResponse } from './types';
import { unavailablePorts } from './unavailable-ports';

export type { BotAuthSettings, BotLogger, BotRequest, BotResponse, BotNotifier, Posted };
export type * from './ports';
export type {
  Caller,
  EscalationNotice,
  FlowNotice,
  IvrNotice,
  ReminderNotice,
  ReminderOutcome,
} from './notices';
export type { AdaptiveCard } from './cards/types';
export { createSwitchboard, type Switchboard, type SwitchboardOptions } from './switchboard';
export { unavailablePorts } from './unavailable-ports';

export interface Bot {
  /** Runs one inbound activity through botbuilder (auth, turn) and returns what to answer. */
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
  /** botbuilder Storage for conversation references and live call cards (server/: createBotStorage(store)). */
  readonly storage?: Storage;
  /** Where escalations and IVR alerts go until a chat claims them. */
  readonly alertsConversationId?: string;
}

/** Builds the messaging bot on botbuilder's CloudAdapter. */
export function createBot(opts: CreateBotOptions): Bot {
  const adapter = createAdapter(opts.auth, opts.logger);
  const sb = createSwitchboard(adapter, {
    ports: opts.ports ?? unavailablePorts(),
    logger: opts.logger,
    botAppId: opts.auth.MicrosoftAppId ?? '',
    ...(opts.storage ? { storage: opts.storage } : {}),
    ...(opts.alertsConversationId ? { alertsConversationId: opts.alertsConversationId } : {}),
  });
  return {
    process: (req) => processActivity(adapter, sb.handler, req),
    notifier: sb.notifier,
    close: sb.close,
  };
}
export { CATALOG } from './commands/catalog';

import { MemoryStorage, type BotAdapter } from 'botbuilder';
import { createBotLogic, type BotLogic, type BotLogicOptions } from '../bot-logic';
import type { Proactive } from '../live/proactive';
import { SwitchboardBot } from './handler';
import { adapterProactive } from './proactive';
import { teamsRoster, type RosterFactory } from './teams-roster';

export interface SwitchboardOptions extends Omit<BotLogicOptions, 'storage' | 'proactive'> {
  /** Where the bot keeps references and cards; server/ passes createBotStorage(store). Default: memory. */
  readonly storage?: BotLogicOptions['storage'];
  /** The app id that proactive turns run as ('' in local mode). */
  readonly botAppId?: string;
  /** The Teams roster of a turn; defaults to botbuilder's TeamsInfo. */
  readonly roster?: RosterFactory;
  /** How proactive turns run; defaults to the adapter's continueConversationAsync. */
  readonly proactive?: Proactive;
}

/** The bot's logic on a botbuilder adapter, and the activity handler to run its turns with. */
export interface Switchboard extends Omit<BotLogic, 'turns'> {
  readonly handler: SwitchboardBot;
}

/** Wires the bot's logic on any botbuilder adapter (CloudAdapter, or a test adapter). */
export function createSwitchboard(adapter: BotAdapter, opts: SwitchboardOptions): Switchboard {
  const { botAppId, roster, ...rest } = opts;
  const logic = createBotLogic({
    ...rest,
    storage: opts.storage ?? new MemoryStorage(),
    proactive: opts.proactive ?? adapterProactive(adapter, botAppId ?? ''),
  });
  return {
    handler: new SwitchboardBot(logic.turns, roster ?? teamsRoster(opts.logger)),
    notifier: logic.notifier,
    tick: logic.tick,
    close: logic.close,
  };
}

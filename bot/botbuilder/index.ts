// The only code that speaks botbuilder: it turns botbuilder's turns, proactive messages, card posts and
// edits and the Teams roster into the bot's own interfaces (../channel.ts, ../host.ts). Moving to another
// channel SDK means replacing this folder.
import { MemoryStorage } from 'botbuilder';
import type { BotAuthSettings, BotHost } from '../host';
import type { BotStorage } from '../storage';
import type { BotLogger } from '../types';
import { createAdapter } from './adapter';
import { SwitchboardBot } from './handler';
import { processActivity } from './process';
import { adapterProactive } from './proactive';
import { teamsRoster } from './teams-roster';

export { createSwitchboard, type Switchboard, type SwitchboardOptions } from './switchboard';
export { proactiveThrough, type ContinueConversation } from './proactive';
export type { RosterFactory } from './teams-roster';

/** The bot hosted on botbuilder's CloudAdapter, authenticating with the app registration in `auth`. */
export function cloudAdapterHost(auth: BotAuthSettings, logger: BotLogger): BotHost {
  const adapter = createAdapter(auth, logger);
  const roster = teamsRoster(logger);
  return {
    serve: (turns) => {
      const handler = new SwitchboardBot(turns, roster);
      return (req) => processActivity(adapter, handler, req);
    },
    proactive: adapterProactive(adapter, auth.MicrosoftAppId ?? ''),
  };
}

/** Storage that lasts as long as the process (tests, and an app started without a store). */
export function memoryStorage(): BotStorage {
  return new MemoryStorage();
}

import type { TurnLogic } from './channel';
import type { Proactive } from './live/proactive';
import type { BotRequest, BotResponse } from './types';

/**
 * The Bot Framework app registration; with no appId, Bot Framework auth is off (local mode). The
 * names are Bot Framework's configuration names, which the app's environment uses.
 */
export interface BotAuthSettings {
  readonly MicrosoftAppId?: string;
  readonly MicrosoftAppPassword?: string;
  readonly MicrosoftAppTenantId?: string;
  readonly MicrosoftAppType?: string;
  /** Where channel tokens' keys are published (a sovereign cloud, or the local emulator). */
  readonly ToBotFromChannelOpenIdMetadataUrl?: string;
  readonly ToBotFromChannelTokenIssuer?: string;
}

/** The channel SDK behind the bot: it authenticates inbound activities and sends proactive ones. */
export interface BotHost {
  /** A request handler that runs each inbound activity through the SDK (auth, turn) into `turns`. */
  serve(turns: TurnLogic): (req: BotRequest) => Promise<BotResponse>;
  readonly proactive: Proactive;
}

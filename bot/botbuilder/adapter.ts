import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { BotAuthSettings } from '../host';
import type { BotLogger } from '../types';
import { withConsoleNotes } from './console-notes';

/**
 * CloudAdapter with its two steps in reach: `process` wraps them in botbuilder's own HTTP handling, which
 * prints every refused token to stderr and answers it in plain text (see process.ts).
 */
export class SwitchboardAdapter extends CloudAdapter {
  constructor(
    settings: BotAuthSettings,
    private readonly logger: BotLogger,
  ) {
    super(new ConfigurationBotFrameworkAuthentication({ ...settings }));
  }

  /**
   * Authenticates the activity with `authorization` (the request's header, '' when absent), then runs
   * `logic`. What the SDK prints while it authenticates goes to the log (console-notes.ts); the turn
   * itself runs outside that, so nothing it starts has its console output redirected.
   */
  async run(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const authenticated = await withConsoleNotes(this.logger, () =>
      this.botFrameworkAuthentication.authenticateRequest(activity, authorization),
    );
    return this.processActivity(authenticated, activity, logic);
  }
}

/** The adapter, whose turn errors are logged and answered with a short apology instead of crashing. */
export function createAdapter(settings: BotAuthSettings, logger: BotLogger): SwitchboardAdapter {
  const adapter = new SwitchboardAdapter(settings, logger);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    await context.sendActivity('Sorry, something went wrong on our side. Please try again in a moment.');
  };
  return adapter;
}

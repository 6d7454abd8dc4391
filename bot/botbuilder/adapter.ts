import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { BotAuthSettings } from '../host';
import type { BotLogger } from '../types';

/**
 * CloudAdapter with its authenticate-then-run step in reach: `process` wraps it in botbuilder's own HTTP
 * handling, which prints every refused token to stderr and answers it in plain text (see process.ts).
 */
export class SwitchboardAdapter extends CloudAdapter {
  /** Authenticates the activity with `authorization` (the request's header, '' when absent), then runs `logic`. */
  run(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/** The adapter, whose turn errors are logged and answered with a short apology instead of crashing. */
export function createAdapter(settings: BotAuthSettings, logger: BotLogger): SwitchboardAdapter {
  const adapter = new SwitchboardAdapter(new ConfigurationBotFrameworkAuthentication({ ...settings }));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    await context.sendActivity('Sorry, something went wrong on our side. Please try again in a moment.');
  };
  return adapter;
}

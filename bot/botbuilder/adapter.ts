import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { BotAuthSettings } from '../host';
import type { BotLogger } from '../types';

/** A CloudAdapter whose turn errors are logged and answered with a short apology instead of crashing. */
export function createAdapter(settings: BotAuthSettings, logger: BotLogger): CloudAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ ...settings }));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    await context.sendActivity('Sorry, something went wrong on our side. Please try again in a moment.');
  };
  return adapter;
}

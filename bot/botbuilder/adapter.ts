import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { BotAuthUnavailable } from '../errors';
import type { BotAuthSettings } from '../host';
import type { BotLogger } from '../types';
import { authFailure } from './auth-failure';
import { withConsoleNotes } from './console-notes';

/**
 * CloudAdapter with its two steps in reach: `process` wraps them in botbuilder's own HTTP handling, which
 * prints refused tokens to stderr, answers them in plain text, and some of them 500.
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
   * `logic`. A refused token rejects with BotAuthRefused, keys that cannot be fetched with
   * BotAuthUnavailable (auth-failure.ts). What the SDK prints while it authenticates goes to the log
   * (console-notes.ts); the turn runs outside that, and its failures are its own.
   */
  async run(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    let authenticated;
    try {
      authenticated = await withConsoleNotes(this.logger, () =>
        this.botFrameworkAuthentication.authenticateRequest(activity, authorization),
      );
    } catch (err) {
      const failure = authFailure(err);
      // The answer (503) says only "try again"; why the keys are out of reach is for the operator.
      if (failure instanceof BotAuthUnavailable)
        this.logger.warn({ reason: failure.message }, 'the Bot Framework signing keys could not be fetched');
      throw failure;
    }
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

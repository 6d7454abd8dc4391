// Bot Framework auth on /api/messages: botbuilder's own checks, with every refusal one 401 that says what
// is wrong. On its own, botbuilder answers 500 with the raw cause (a failed request naming its key host, a
// library's message) when it cannot fetch Bot Framework's signing keys or a token's signature fails on a
// known key. Either way the activity is not proven to come from Bot Framework: it is refused like any
// other, and the cause goes to the log, where the operator can act on it.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
// botbuilder's adapter answers 401 only to this class, from the copy of botframework-connector it uses
// (package.json pins the version botbuilder pins, so there is one copy).
import { AuthenticationError } from 'botframework-connector';

const UNAUTHORIZED = 401;
const REFUSAL =
  'This bot takes activities only from Bot Framework: the request needs a Bot Framework token in its ' +
  'Authorization header, and it had none or one that could not be verified. Send activities through ' +
  'the Azure Bot.';

export class BotAuthentication extends ConfigurationBotFrameworkAuthentication {
  /** `settings` are botbuilder's (an empty object turns auth off); `log` gets the reason of each refusal. */
  constructor(settings, log) {
    super(settings);
    this.log = log;
  }

  async authenticateRequest(activity, authHeader) {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      // Never the token itself: it is a credential.
      const where = { channelId: activity.channelId, serviceUrl: activity.serviceUrl };
      if (err instanceof AuthenticationError && err.statusCode === UNAUTHORIZED)
        this.log.warn({ ...where, reason: err.message }, 'refused an activity without a valid token');
      else
        this.log.error(
          { ...where, err },
          'could not verify the token of an activity, so refused it: check that this host reaches ' +
            "Bot Framework's signing keys (login.botframework.com, login.microsoftonline.com)",
        );
      throw new AuthenticationError(REFUSAL, UNAUTHORIZED);
    }
  }
}

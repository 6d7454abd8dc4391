// What a failure of botbuilder's authentication means for the request. botbuilder throws its own
// AuthenticationError for most refusals (the class lives in botframework-connector, which the app does not
// depend on directly, so it is recognised by its name and the HTTP status it carries), but some escape as
// they are: jsonwebtoken's errors for a signature that fails under a published key id or an expired
// token, and a SyntaxError for a token whose payload is not JSON. botbuilder's own HTTP handling answers
// those 500, which lets anyone fill the app's error log. A failure to fetch the signing keys (the network,
// or the key service answering an error) is not the request's fault: it is worth another try.
import { BotAuthRefused, BotAuthUnavailable } from '../errors';

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError', 'SyntaxError']);

/** The error to report for a failure thrown while authenticating an activity. */
export function authFailure(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  if (TOKEN_ERRORS.has(err.name)) return new BotAuthRefused(err.message);
  const status = (err as { statusCode?: unknown }).statusCode;
  if (err.constructor.name === 'AuthenticationError' && typeof status === 'number') {
    return status >= 500 ? new BotAuthUnavailable(err.message) : new BotAuthRefused(err.message);
  }
  // node-fetch's FetchError: the OpenID document or the keys could not be fetched at all.
  if (err.name === 'FetchError') return new BotAuthUnavailable(err.message);
  return err;
}

// Why a click-to-call request was refused, shaped like the bot's port failures ({ code, message, hint }).

/** A refused click-to-call request: what is wrong and what to do instead. */
export class ClickToCallError extends Error {
  override readonly name = 'ClickToCallError';
  readonly code = 'invalid_click_to_call';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

// Why a reminder request was refused. Shaped like the bot's port failures ({ code, message, hint }) so a
// chat front end can show it as is.

export type ReminderErrorCode = 'invalid_reminder' | 'reminder_not_found' | 'reminder_finished';

/** A refused reminder request: what is wrong and what to do instead. */
export class ReminderError extends Error {
  override readonly name = 'ReminderError';
  constructor(
    readonly code: ReminderErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

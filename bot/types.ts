/** The slice of a pino logger the bot uses; server/ passes a child logger. */
export interface BotLogger {
  debug?(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What the HTTP edge hands the bot: the parsed activity and the request headers. */
export interface BotRequest {
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

export interface BotResponse {
  status: number;
  body?: unknown;
}

/**
 * Keyed JSON items where the bot keeps conversation references and the cards it keeps up to date.
 * An item written with eTag '*' overwrites (the bot always writes so). server/ passes the store's
 * implementation (createBotStorage) so they survive restarts.
 */
export interface BotStorage {
  read(keys: string[]): Promise<Record<string, unknown>>;
  write(changes: Record<string, unknown>): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

// The bot's command catalog, read through the bot's index (the only door into bot/), in manifest terms.
import * as bot from '../bot';
import { describeCommands, type CatalogEntry, type CommandDescription } from './commands';

/** The bot's commands for commandLists; throws when the bot does not export its catalog as CATALOG. */
export function botCommandDescriptions(): CommandDescription[] {
  // Looked up by name so this file compiles whether or not bot/index.ts re-exports the catalog yet.
  const catalog = (bot as unknown as { CATALOG?: readonly CatalogEntry[] }).CATALOG;
  if (!Array.isArray(catalog) || catalog.length === 0)
    throw new Error(
      "bot/index.ts does not export the command catalog; add `export { CATALOG } from './commands/catalog';` " +
        'so commandLists can be generated from it',
    );
  return describeCommands(catalog);
}

// The bot's commandLists, generated from the bot's own command registry so the menu Teams shows can
// never drift from what the bot understands.
import type { Problem } from './problems';
import { commandLimits } from './schema';

/** Where a bot command is offered, in the manifest's spelling. */
export type BotScope = 'personal' | 'team' | 'groupChat';

/** What the manifest needs to know about one command. */
export interface CommandDescription {
  /** What the user types, e.g. `call`. */
  readonly title: string;
  /** One line of help, e.g. `call {person}: place a 1:1 call`. */
  readonly description: string;
  readonly scopes: readonly BotScope[];
}

/** One entry of bots[].commandLists. */
export interface CommandList {
  scopes: BotScope[];
  commands: Array<{ title: string; description: string }>;
}

const SCOPE_ORDER: readonly BotScope[] = ['personal', 'team', 'groupChat'];

/** One command list per scope (Teams' guidance), commands in registry order. */
export function buildCommandLists(
  commands: readonly CommandDescription[],
  botScopes: readonly string[],
  field = 'bots[0].commandLists',
): { lists: CommandList[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const lists: CommandList[] = [];
  const max = commandLimits();
  for (const scope of SCOPE_ORDER) {
    const inScope = commands.filter((c) => c.scopes.includes(scope));
    if (inScope.length === 0) continue;
    const at = `${field}[${lists.length}]`;
    if (!botScopes.includes(scope))
      problems.push({
        field: at,
        message: `lists commands for scope "${scope}" but bots[0].scopes does not include it`,
      });
    if (inScope.length > max.commands)
      problems.push({
        field: `${at}.commands`,
        message: `has ${inScope.length} commands for "${scope}"; the manifest allows at most ${max.commands} per list`,
      });
    inScope.forEach((c, i) => {
      if (c.title.length > max.title)
        problems.push({
          field: `${at}.commands[${i}].title`,
          message: `"${c.title}" is longer than ${max.title} characters`,
        });
      if (c.description.length > max.description)
        problems.push({
          field: `${at}.commands[${i}].description`,
          message: `is ${c.description.length} characters; the manifest allows at most ${max.description}`,
        });
    });
    lists.push({
      scopes: [scope],
      commands: inScope.map((c) => ({ title: c.title, description: c.description })),
    });
  }
  return { lists, problems };
}

/** A bot catalog entry as the bot describes its commands for `help`. */
export interface CatalogEntry {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Where the command is offered, in the bot's words; absent = everywhere. */
  readonly scopes?: readonly string[];
  /** False: left out of Teams' command menu, which holds at most 12 commands per scope. */
  readonly menu?: boolean;
}

// The bot speaks of conversation types; the manifest of scopes.
const SCOPE_OF: Record<string, BotScope> = {
  personal: 'personal',
  groupChat: 'groupChat',
  groupchat: 'groupChat',
  channel: 'team',
  team: 'team',
};

/** The bot's catalog in manifest terms: title = what to type, description = usage and summary. */
export function describeCommands(catalog: readonly CatalogEntry[]): CommandDescription[] {
  return catalog
    .filter((c) => c.menu !== false)
    .map((c) => {
      const scopes = c.scopes?.map((s) => SCOPE_OF[s]).filter((s): s is BotScope => s !== undefined);
      const args = c.usage.startsWith(c.name) ? c.usage.slice(c.name.length).trim() : c.usage;
      return {
        title: c.name,
        description: args ? `${c.name} ${args}: ${c.summary}` : c.summary,
        scopes: scopes ?? [...SCOPE_ORDER],
      };
    });
}

import type { Command } from '../commands/command';

/** Why a message could not be read as a command, in words for the person who typed it. */
export interface ParseError {
  readonly message: string;
  /** The command whose usage to show, when the message named one. */
  readonly command?: string;
  /** A command name close to an unknown word ("cals" → "calls"). */
  readonly suggestion?: string;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };

/** One chat command as `help` presents it. */
export interface CommandInfo {
  readonly name: string;
  /** How to write it: placeholders in braces (`{person}`), optional parts in brackets (`[at {time}]`). */
  readonly usage: string;
  readonly summary: string;
  readonly example: string;
  /** False: help lists it, Teams' command menu (at most 12 per scope) does not. */
  readonly menu?: boolean;
}

/** Every chat command, in the order help lists them. */
export const CATALOG: readonly CommandInfo[] = [
  {
    name: 'call',
    usage: 'call {person or number}',
    summary: 'I ring you first, then bring them in; "call me" calls you.',
    example: 'call me',
  },
  {
    name: 'announce',
    usage: 'announce {person or number}',
    summary: 'Switchboard calls them alone, on your behalf; you are not in the call.',
    example: 'announce Megan',
    menu: false,
  },
  {
    name: 'groupcall',
    usage: 'groupcall {people…}',
    summary: 'A group call with you and the people you name.',
    example: 'groupcall Adele, Megan',
  },
  {
    name: 'connect',
    usage: 'connect {A} {B}',
    summary: 'Click-to-call: I call A, then bring B in.',
    example: 'connect Adele +14255550100',
  },
  {
    name: 'meet',
    usage: 'meet {subject} [at {time}] [for {duration}] [with {people…}]',
    summary: 'Creates a Teams meeting and posts its card.',
    example: 'meet Budget review at 3pm for 30m with Adele, Megan',
  },
  {
    name: 'meeting',
    usage: 'meeting move [{subject}] to {time} [for {duration}], meeting cancel [{subject}]',
    summary:
      'Moves or cancels a meeting you made with "meet"; without a subject, the latest one in this chat.',
    example: 'meeting move to tomorrow 10:00 for 45m',
    // Mostly reached from the meeting card's buttons; the menu is full.
    menu: false,
  },
  {
    name: 'join',
    usage: 'join {join link}',
    summary: 'I join the meeting; in a meeting chat "join" alone is enough.',
    example: 'join https://teams.microsoft.com/l/meetup-join/...',
  },
  {
    name: 'presence',
    usage: 'presence [{people…}]',
    summary: 'Who is available, with a call button beside people you can reach.',
    example: 'presence Adele, Megan',
  },
  {
    name: 'remind',
    usage: 'remind {person} {when} {message}',
    summary: 'At that time I call them and say the message.',
    example: 'remind me in 20 minutes to call the bank',
  },
  { name: 'reminders', usage: 'reminders', summary: 'Your pending reminders.', example: 'reminders' },
  {
    name: 'cancel reminder',
    usage: 'cancel reminder {n}',
    summary: 'Cancels the n-th reminder of the "reminders" list.',
    example: 'cancel reminder 1',
  },
  {
    name: 'calls',
    usage: 'calls',
    summary: 'Live calls, with buttons to hang up, mute, invite and transfer.',
    example: 'calls',
  },
  {
    name: 'frontdesk',
    usage: 'frontdesk',
    summary: 'The incoming-call rules; switch each on or off.',
    example: 'frontdesk',
  },
  {
    name: 'queues',
    usage: 'queues',
    summary: 'The call queues: callers waiting, the longest wait, agents free.',
    example: 'queues',
    menu: false,
  },
  {
    name: 'queue',
    usage: 'queue {name}, queue sign in {name}, queue sign out {name}',
    summary:
      "A queue's live board (callers, waits, agents with presence); agents sign in or out of its calls.",
    example: 'queue support',
    menu: false,
  },
  { name: 'help', usage: 'help', summary: 'This list.', example: 'help' },
];

/** The catalog entry for a command name. */
export function infoOf(name: string): CommandInfo | undefined {
  return CATALOG.find((c) => c.name === name);
}

/**
 * The usage for a card's markdown: the command in bold, placeholders in italics. Teams takes anything in
 * angle brackets for HTML and drops it, so the usage never uses them.
 */
export function usageMarkdown(c: CommandInfo): string {
  const args = c.usage.slice(c.name.length).replace(/\{([^}]+)\}/g, '_$1_');
  return `**${c.name}**${args}`;
}

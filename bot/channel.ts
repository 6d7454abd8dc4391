// What the bot needs from the chat channel, in its own terms. Only bot/botbuilder/ knows how a channel
// SDK delivers these; commands, parsing and cards see nothing else.
import type { AdaptiveCard } from './cards/types';
import type { ConversationRoster } from './commands/scope';
import type { MentionInput } from './parse/tokens';

/**
 * Where a conversation is reachable: the Bot Framework protocol's conversation reference, a plain JSON
 * object kept as the channel gave it and handed back to it for proactive messages.
 */
export interface ConversationRef {
  readonly serviceUrl?: string;
  readonly conversation?: { readonly id: string };
}

export type ConversationType = 'personal' | 'groupChat' | 'channel';

/** One inbound activity, as the bot's logic sees it. */
export interface Turn {
  /** The message text without the bot's own @mention ('' when there is none). */
  readonly text: string;
  /** The data of an Action.Submit (a message with a value); undefined for a typed message. */
  readonly value?: unknown;
  /** The activity a pressed button was on. */
  readonly replyToId?: string;
  readonly sender: { readonly id: string; readonly name?: string; readonly aadObjectId?: string };
  readonly conversation: {
    readonly id: string;
    readonly type: ConversationType;
    readonly tenantId?: string;
  };
  /** The user's IANA time zone, when the client sent a valid one. */
  readonly timeZone?: string;
  /** The people @mentioned in the message, without the bot itself. */
  readonly mentions: readonly MentionInput[];
  /** The Teams roster of this conversation. */
  readonly roster: ConversationRoster;
  /** Posts a card as a new message; returns its activity id when the channel gives one. */
  send(card: AdaptiveCard): Promise<string | undefined>;
  /** Replaces the card of a message posted earlier. */
  update(activityId: string, card: AdaptiveCard): Promise<void>;
}

/** An Action.Execute (Universal Actions) press. */
export interface ExecuteAction {
  readonly data: unknown;
  /** Teams asked for the card's refresh by itself, for one viewer, rather than on a press. */
  readonly automatic: boolean;
}

/** The answer to an Action.Execute: the card to show in place, or a short message. */
export type ExecuteAnswer = { readonly card: AdaptiveCard } | { readonly message: string };

/** What the channel adapter calls, activity by activity. */
export interface TurnLogic {
  /** Every activity: the conversation it came from can later get card updates and notifications. */
  heard(ref: ConversationRef): Promise<void>;
  /** The bot was added to a chat or team. */
  installed(turn: Turn): Promise<void>;
  /** A typed message, or an Action.Submit. */
  message(turn: Turn): Promise<void>;
  execute(turn: Turn, action: ExecuteAction): Promise<ExecuteAnswer>;
}

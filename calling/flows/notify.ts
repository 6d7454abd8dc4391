// The notify interface of the calling flows: how a flow tells people in Teams what happened on a call
// (a reminder's outcome, an escalation, a click-to-call result). The flows only describe the notice;
// the bot, which owns conversations and cards, implements Notifier and server/ hands it in. Every flow
// (the IVR included) uses this one interface, so one object serves them all.

/** What to post: the bot turns it into an Adaptive Card. */
export interface NotificationCard {
  readonly title: string;
  readonly text: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  /** The call the notice is about ('' when there is none, e.g. a call that could not be placed). */
  readonly callId: string;
}

/** The `code` of the error postCard rejects with when `target` is '' and no default chat is set. */
export const NO_ALERTS_CHAT = 'no_alerts_chat';

/**
 * Posts a card to a Teams chat or channel (`target`: a conversation id the bot knows; '' when the flow
 * knows none, and the notifier posts to its default chat, e.g. the bot's alerts chat; without one it
 * rejects with an error whose `code` is NO_ALERTS_CHAT).
 */
export interface Notifier {
  postCard(target: string, card: NotificationCard): Promise<void>;
  /**
   * Tells an agent in their personal chat with the bot that a queue caller is ringing them (who, how long
   * they have waited). Optional: a notifier without it (a log) leaves agents to the ring alone.
   */
  agentRung?(n: AgentRungNotice): Promise<void>;
}

/** A queue rings an agent for a caller. */
export interface AgentRungNotice {
  readonly queue: string;
  readonly queueDescription?: string;
  /** The agent's object id (lower case) and name. */
  readonly agentId: string;
  readonly agentName: string;
  /** A name or a number; never anything the caller said. */
  readonly caller: string;
  readonly waitedMs: number;
  readonly callId: string;
  readonly attemptId: string;
  readonly at: number;
}

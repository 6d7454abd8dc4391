import type { Reminder } from './ports';

// What the calling flows tell people through the bot. The bot posts each as a card, proactively, in the
// conversation named by `replyTo` (where the thing was asked for) or else in the configured alerts chat.

export type ReminderOutcome = 'answered' | 'declined' | 'noAnswer' | 'busy' | 'failed';

/** Someone on a call: a directory person, a phone number, or both. */
export interface Caller {
  readonly name: string;
  readonly phone?: string;
  readonly personId?: string;
}

export interface ReminderNotice {
  readonly reminder: Reminder;
  readonly outcome: ReminderOutcome;
  /** For 'failed': what went wrong, in words. */
  readonly detail?: string;
  readonly replyTo?: string;
}

/** A caller needs a person: they asked for one in a menu, waited too long, or a rule says so. */
export interface EscalationNotice {
  readonly caller: Caller;
  readonly reason: string;
  readonly callId?: string;
  readonly at: number;
  readonly replyTo?: string;
}

/** Something an IVR flow reports: the option a caller chose, a message they left. */
export interface IvrNotice {
  readonly caller: Caller;
  readonly menu: string;
  readonly summary: string;
  readonly callId?: string;
  readonly at: number;
  readonly replyTo?: string;
}

/** Anything else a flow has to say (a click-to-call's result): a title, a sentence and some facts. */
export interface FlowNotice {
  readonly title: string;
  readonly text: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
}

/** A queue is ringing an agent for a caller: posted in the agent's personal chat with the bot. */
export interface AgentRungNotice {
  readonly queue: string;
  readonly queueDescription?: string;
  /** The agent's Entra object id and name. */
  readonly agentId: string;
  readonly agentName: string;
  /** A name or a number; never anything the caller said. */
  readonly caller: string;
  readonly waitedMs: number;
  readonly at: number;
}

// The notify interface of the calling flows: how a flow tells people something that happened on a call
// (a reminder's outcome, an escalation, a click-to-call result). server/ implements it, e.g. over the
// bot's proactive cards; the flows only describe what to say and to whom.

/** Where a notice goes: a conversation the bot knows, a person, or (both absent) the alerts chat. */
export interface NotifyTarget {
  /** The conversation where the thing was asked for (a chat or channel id). */
  readonly conversationId?: string;
  /** A person (Entra object id), when the notice is for them rather than a chat. */
  readonly userId?: string;
  /** Who the target is, in words (for logs and for renderers that address people by name). */
  readonly name?: string;
}

/** What a notice is about; renderers may pick a card per kind and fall back to title and text. */
export type NotifyKind = 'reminder-outcome' | 'escalation' | 'click-to-call' | 'ivr' | 'info';

/** A notice in words, with optional facts and the machine-readable record it came from. */
export interface NotifyMessage {
  readonly kind: NotifyKind;
  /** One line, e.g. "Reminder for Adele Vance: confirmed". */
  readonly title: string;
  /** A sentence or two saying what happened and, for failures, what to do. */
  readonly text: string;
  readonly facts?: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  /** The call the notice is about, when there is one. */
  readonly callId?: string;
  /** When it happened (epoch milliseconds). */
  readonly at: number;
  /** The flow's own record (a reminder, a click-to-call result) for renderers that want more than words. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Delivers notices; a rejection means this notice was not delivered (the flow logs it and goes on). */
export interface Notifier {
  notify(target: NotifyTarget, message: NotifyMessage): Promise<void>;
}

// Telling people in Teams that something happened on a call (a message left, a caller waiting). The
// calling module only describes the notification; the bot, which owns conversations and cards,
// implements Notifier and is handed in by the composition root.

/** What to post: the bot turns it into an Adaptive Card. */
export interface NotificationCard {
  readonly title: string;
  readonly text: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly callId: string;
}

/** Posts a card to a Teams chat or channel (`target`: a conversation id the bot knows). */
export interface Notifier {
  postCard(target: string, card: NotificationCard): Promise<void>;
}

interface InfoLog {
  info(obj: object, msg?: string): void;
}

/**
 * A Notifier that only logs what it would post. The composition root uses it until the bot's
 * implementation is passed in; nothing reaches Teams with it.
 */
export function createLoggingNotifier(log: InfoLog): Notifier {
  return {
    async postCard(target, card) {
      log.info({ target, card }, 'notification (logged only: no Teams notifier is configured)');
    },
  };
}

/** Fills {caller}, {callerId}, {menu} and {node} in a notification text. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}

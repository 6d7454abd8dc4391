// Telling people in Teams that something happened on a call (a call-back request, a caller waiting).
// The interface is the calling flows' one (../notify): the bot implements it, server/ hands it in.

import type { Notifier } from '../notify';

export type { Notifier, NotificationCard } from '../notify';

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

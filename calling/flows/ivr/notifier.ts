// Telling people in Teams that something happened on a call (a call-back request, a caller waiting).
// The interface is the calling flows' one (../notify): the bot implements it, server/ hands it in.

import { NO_ALERTS_CHAT, type Notifier } from '../notify';

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

/** Why a notify node's card was not posted, and what to do about it (for the log and the timeline). */
export function notifyFailure(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === NO_ALERTS_CHAT)
    return (
      'a notify node has no target, NOTIFY_TARGET is not set and no chat is set to receive alerts; ' +
      'nothing was posted. Send "frontdesk" to the bot in the chat that should get these cards and press ' +
      '"Post alerts in this chat" (or set NOTIFY_TARGET, or give the node a target)'
    );
  return `a notify node's card could not be posted: ${err instanceof Error ? err.message : String(err)}`;
}

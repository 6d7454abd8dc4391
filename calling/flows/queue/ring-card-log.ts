// An agent who has never chatted with the bot cannot get ring cards: the bot has no chat to post to.
// That is a setup step for the agent, not a fault, so it is said once per agent (per process) at info,
// instead of a warning at every ring; real failures still reach the ringing code, which warns.
import type { RingOffer } from '../../storage';

/** The `code` a notifier's agentRung rejects with when the agent has no personal chat with the bot. */
export const NO_PERSONAL_CHAT = 'no_personal_chat';

interface InfoLog {
  info(obj: object, msg?: string): void;
}

const hasNoChat = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === NO_PERSONAL_CHAT;

/** `post` (posting an agent's ring card), with a missing chat said once per agent and not rejected. */
export function quietRingCards(
  post: (offer: RingOffer) => Promise<void>,
  log: InfoLog,
): (offer: RingOffer) => Promise<void> {
  const told = new Set<string>();
  return async (offer) => {
    try {
      await post(offer);
    } catch (err) {
      if (!hasNoChat(err)) throw err;
      if (told.has(offer.agentId)) return;
      told.add(offer.agentId);
      log.info(
        { agentId: offer.agentId, queue: offer.queue },
        'this agent gets no ring cards: they must open a chat with the bot in Teams (send "help" once) to get them',
      );
    }
  };
}

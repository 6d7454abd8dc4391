import { flowNoticeCard } from '../cards/flow-notice-card';
import { escalationCard, ivrCard, reminderOutcomeCard } from '../cards/notice-cards';
import { agentRungCard } from '../cards/queue-ring-card';
import type { AdaptiveCard } from '../cards/types';
import { BotError } from '../errors';
import type { AgentRungNotice, EscalationNotice, FlowNotice, IvrNotice, ReminderNotice } from '../notices';
import type { ConversationBook } from './conversations';
import type { Proactive } from './proactive';

/** Where a posted card went. */
export interface Posted {
  readonly conversationId: string;
  readonly activityId?: string;
}

/** The notify interface of the calling flows: each notice becomes a card posted proactively. */
export interface BotNotifier {
  reminderOutcome(n: ReminderNotice): Promise<Posted>;
  escalation(n: EscalationNotice): Promise<Posted>;
  ivr(n: IvrNotice): Promise<Posted>;
  /** Posts any card to a conversation the bot knows, or to the alerts chat when none is named. */
  postCard(card: AdaptiveCard, conversationId?: string): Promise<Posted>;
  /** A flow's notice, drawn as the bot's card; to the alerts chat without a conversation. */
  notice(n: FlowNotice, conversationId?: string): Promise<Posted>;
  /** A queue rings an agent: the caller and their wait, in the agent's personal chat with the bot. */
  agentRung(n: AgentRungNotice): Promise<Posted>;
}

/** The notifier over stored conversation references; `defaultConversationId` comes from configuration. */
export function createNotifier(deps: {
  conversations: ConversationBook;
  proactive: Proactive;
  defaultConversationId?: string;
}): BotNotifier {
  const postCard = async (card: AdaptiveCard, conversationId?: string): Promise<Posted> => {
    const target =
      conversationId ?? (await deps.conversations.alertsConversation()) ?? deps.defaultConversationId;
    if (!target) {
      throw new BotError(
        'no_alerts_chat',
        'No chat is set up to receive Switchboard alerts.',
        'Send "frontdesk" in the chat that should get them and press "Post alerts in this chat".',
      );
    }
    const ref = await deps.conversations.get(target);
    if (!ref) {
      throw new BotError(
        'unknown_conversation',
        `I have never been in conversation ${target}, so I cannot post there.`,
        'Add Switchboard to that chat or team and send it any message once.',
      );
    }
    const activityId = await deps.proactive.send(ref, card);
    return { conversationId: target, ...(activityId ? { activityId } : {}) };
  };
  return {
    postCard,
    notice: (n, conversationId) => postCard(flowNoticeCard(n), conversationId),
    // A reminder's outcome goes back where it was set; alerts go to the alerts chat unless told otherwise.
    reminderOutcome: (n) => postCard(reminderOutcomeCard(n), n.replyTo),
    escalation: (n) => postCard(escalationCard(n), n.replyTo),
    ivr: (n) => postCard(ivrCard(n), n.replyTo),
    async agentRung(n) {
      const chat = await deps.conversations.personalChat(n.agentId);
      if (!chat) {
        // The queues know this code: they say once per agent that a chat is needed, not at every ring.
        throw new BotError(
          'no_personal_chat',
          `${n.agentName} has never chatted with Switchboard, so I cannot tell them who is calling.`,
          `Ask ${n.agentName} to open Switchboard in Teams and send "help" once.`,
        );
      }
      return postCard(agentRungCard(n), chat);
    },
  };
}

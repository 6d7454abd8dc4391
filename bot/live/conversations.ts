import type { ConversationRef } from '../channel';
import type { BotStorage } from '../storage';

const REF_PREFIX = 'switchboard/conversation/';
const ALERTS_KEY = 'switchboard/alerts';
const PERSONAL_PREFIX = 'switchboard/personal/';

/** Conversation references, kept in the store so proactive messages survive a restart. */
export class ConversationBook {
  // Only write when a conversation is new or its service URL moved, not on every turn.
  private readonly seen = new Map<string, string>();
  private readonly personal = new Map<string, string>();

  constructor(private readonly storage: BotStorage) {}

  /** Remembers where a conversation is reachable. */
  async remember(ref: ConversationRef): Promise<void> {
    const id = ref.conversation?.id;
    if (!id || !ref.serviceUrl) return;
    if (this.seen.get(id) === ref.serviceUrl) return;
    await this.storage.write({ [REF_PREFIX + id]: { ref, eTag: '*' } });
    this.seen.set(id, ref.serviceUrl);
  }

  async get(conversationId: string): Promise<ConversationRef | undefined> {
    const key = REF_PREFIX + conversationId;
    const items = await this.storage.read([key]);
    return (items[key] as { ref?: ConversationRef } | undefined)?.ref;
  }

  /** Remembers a user's personal chat with the bot (by their Entra object id, any case). */
  async rememberPersonal(userId: string, conversationId: string): Promise<void> {
    const key = userId.toLowerCase();
    if (this.personal.get(key) === conversationId) return;
    await this.storage.write({ [PERSONAL_PREFIX + key]: { conversationId, eTag: '*' } });
    this.personal.set(key, conversationId);
  }

  /** The user's personal chat with the bot, if they ever wrote in it. */
  async personalChat(userId: string): Promise<string | undefined> {
    const key = PERSONAL_PREFIX + userId.toLowerCase();
    const id = ((await this.storage.read([key]))[key] as { conversationId?: unknown } | undefined)
      ?.conversationId;
    return typeof id === 'string' ? id : undefined;
  }

  /** The conversation that gets escalations and IVR alerts when nothing names one. */
  async alertsConversation(): Promise<string | undefined> {
    const items = await this.storage.read([ALERTS_KEY]);
    const id = (items[ALERTS_KEY] as { conversationId?: unknown } | undefined)?.conversationId;
    return typeof id === 'string' ? id : undefined;
  }

  async setAlertsConversation(conversationId: string): Promise<void> {
    await this.storage.write({ [ALERTS_KEY]: { conversationId, eTag: '*' } });
  }
}

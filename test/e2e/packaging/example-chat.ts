// The chat side of the echo bot example, as Bot Framework drives it: activities posted to the bot's
// /api/messages with a serviceUrl pointing at a stand-in Bot Connector on loopback, where the replies land.
import type { BotConnector, ConnectorPost } from '../../helpers/bot-connector';
import { waitUntil } from '../../helpers/process-tree';

const CONVERSATION = 'conv-echo';

export interface Chat {
  /** Posts a message from Megan to the bot; resolves with the HTTP status the bot answered. */
  say(id: string, text: string): Promise<number>;
  /** Posts it with `authorization` as its Authorization header; resolves with the bot's status and body. */
  sayWith(authorization: string, id: string, text: string): Promise<{ status: number; body: string }>;
  /** The bot's reply to the message `id` (POSTed to the conversation), waited for up to `withinMs`. */
  replyTo(id: string, withinMs: number): Promise<ConnectorPost>;
}

export function chatWith(appUrl: string, connector: BotConnector): Chat {
  const replyPath = (id: string): string => `/v3/conversations/${CONVERSATION}/activities/${id}`;
  const find = (id: string): ConnectorPost | undefined =>
    connector.received.find((p) => p.method === 'POST' && p.path === replyPath(id));
  const post = async (headers: Record<string, string>, id: string, text: string) => {
    const res = await fetch(`${appUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        type: 'message',
        id,
        text,
        channelId: 'msteams',
        serviceUrl: connector.url,
        timestamp: new Date().toISOString(),
        conversation: { id: CONVERSATION, conversationType: 'personal' },
        from: { id: '29:megan', name: 'Megan Bowen' },
        recipient: { id: '28:echo-bot', name: 'Echo bot' },
      }),
    });
    return { status: res.status, body: await res.text() };
  };
  return {
    say: async (id, text) => (await post({}, id, text)).status,
    sayWith: (authorization, id, text) => post({ authorization }, id, text),
    async replyTo(id, withinMs) {
      await waitUntil(() => find(id) !== undefined, withinMs, `the bot replies to ${id}`);
      return find(id)!;
    },
  };
}

/** The text of a reply activity. */
export const textOf = (post: ConnectorPost): unknown => post.body.text;

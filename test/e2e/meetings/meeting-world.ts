// What the meeting tests share: the app and the emulator (useStack), a stand-in Bot Connector that keeps
// what the bot posts and edits, chat turns and card buttons sent to the real /api/messages as a given
// person, and the tab API called with that person's SSO token from the emulator's Teams host.
import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../../bot/cards/types';
import { startConnector, type BotConnector, type ConnectorPost } from '../../helpers/bot-connector';
import { useStack, type Stack } from '../../helpers/stack';

// Answers are read field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const ADELE = { id: '86528ee4-da06-4aa2-9aed-32e626300172', name: 'Adele Vance', chat: '29:adele' };
export const ALEX = { id: '9b602b58-81c6-43ef-bb23-f7145adb1914', name: 'Alex Wilber', chat: '29:alex' };
export const MEGAN = { id: '2c0fd3f4-495a-4f8d-9668-9ce043008303', name: 'Megan Bowen', chat: '29:megan' };
export type Who = typeof ADELE;

/** The card a post or edit carries. */
export function cardOf(r: ConnectorPost | undefined): AdaptiveCard {
  const att = (r?.body.attachments as Array<{ content: AdaptiveCard }> | undefined)?.[0];
  assert.ok(att, `no card in ${JSON.stringify(r?.body)}`);
  return att.content;
}

/** Polls every 100 ms until `probe` answers something. */
export async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  ms = 20_000,
) {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface MeetingWorld {
  readonly stack: Stack;
  readonly connector: BotConnector;
  /** A chat message from `who` in `conversation`; answers what the bot posted in that turn. */
  say(who: Who, text: string, conversation?: string): Promise<ConnectorPost[]>;
  /** `who` presses an Action.Execute button on the card in `activityId`; answers the invoke response. */
  press(who: Who, button: Record<string, unknown>, activityId: string, conversation?: string): Promise<Json>;
  /** The activity id the connector gave a post (it answers each request with `reply-<n>`). */
  idOf(post: ConnectorPost): string;
  /** The edits (PUT) of one activity so far. */
  edits(activityId: string): ConnectorPost[];
  /** The tab API as `who` (an SSO token from the emulated Teams host). */
  tab(who: Who, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  /** The emulator's meetings (GET /emulator/meetings). */
  meetings(): Promise<Json[]>;
}

export function useMeetingWorld(): MeetingWorld {
  const stack = useStack({ app: (emu) => ({ TAB_API_AUDIENCE: `api://localhost/${emu.appId}` }) });
  let connector: BotConnector;
  let n = 0;
  before(async () => {
    connector = await startConnector();
    stack.onStop(() => connector.close());
  });

  async function send(activity: Record<string, unknown>, who: Who, conversation: string) {
    const res = await fetch(`${stack.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `m${++n}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: who.chat, name: who.name, aadObjectId: who.id },
        recipient: { id: '28:bot', name: 'Switchboard' },
        conversation: { id: conversation, conversationType: 'groupChat', tenantId: stack.emu.tenantId },
        localTimezone: 'UTC',
        ...activity,
      }),
    });
    const text = await res.text();
    assert.ok(res.status < 300, `POST /api/messages: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as Json) : undefined;
  }

  return {
    get stack() {
      return stack;
    },
    get connector() {
      return connector;
    },
    async say(who, text, conversation = 'conv-meetings') {
      const before = connector.received.length;
      await send({ type: 'message', text }, who, conversation);
      return connector.received.slice(before).filter((r) => r.method === 'POST');
    },
    press: (who, button, activityId, conversation = 'conv-meetings') =>
      send(
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: activityId,
          value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data } },
        },
        who,
        conversation,
      ),
    idOf: (post) => `reply-${connector.received.indexOf(post) + 1}`,
    edits: (activityId) =>
      connector.received.filter((r) => r.method === 'PUT' && r.path.endsWith(`/activities/${activityId}`)),
    async tab(who, method, path, body) {
      const issued = await fetch(`${stack.emu.httpUrl}/host/token`, {
        method: 'POST',
        body: JSON.stringify({ personId: who.id, fault: 'none' }),
      });
      const { token } = (await issued.json()) as { token: string };
      const res = await fetch(`${stack.app.url}/api/tab${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Json) : undefined };
    },
    async meetings() {
      return (await stack.emu.control('GET', '/emulator/meetings')).body.value as Json[];
    },
  };
}

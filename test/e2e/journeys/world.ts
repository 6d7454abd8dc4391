// The world a user journey happens in: the emulated Microsoft 365 (its own process), the app with its
// call model, the tab API, and the real Agents Playground as Adele Vance's Teams client. A journey
// speaks in chat as Adele, looks at her tab, and asks the emulator what really happened.
import type { TestApp } from '../../helpers/app';
import type { RunningEmulator } from '../../helpers/emulator';
import { startStack, type StackOptions } from '../../helpers/stack';
import { forSuite } from '../../helpers/suite';
import { cardOfMessage, startPlayground, type Playground } from '../bot/playground';
import { ChatCard } from './chat-card';
import { Tab } from './tab';

/** A person of the seeded tenant (emulator/seed/tenant.json). */
export interface Someone {
  readonly id: string;
  readonly name: string;
}

export interface World {
  readonly emu: RunningEmulator;
  readonly app: TestApp;
  readonly pg: Playground;
  /** Adele's personal chat with the bot. */
  readonly chat: string;
  /** Adele Vance, who signs in to the Playground and the tab. */
  readonly me: Someone;
  /** Adele's tab, signed in with the emulator's Teams host token. */
  readonly tab: Tab;
  /** A seeded person by first name ("Megan"). */
  person(firstName: string): Someone;
  /** What the person's phone does the next time it rings (CONTROL.md "Scripts"). */
  script(who: Someone, script: Record<string, unknown>): Promise<void>;
  /** Adele types a line in the chat; resolves with the card the bot answers with. */
  say(line: string): Promise<ChatCard>;
  /**
   * A card the bot posted (a reminder's outcome, the answer to a button), the first whose text matches
   * among those posted after the `since`-th event of the chat (default: any).
   */
  postedCard(text: RegExp, what: string, opts?: { since?: number; timeoutMs?: number }): Promise<ChatCard>;
  /** Every card the bot has posted in the chat that reads `text` now. */
  cardsReading(text: RegExp): ChatCard[];
}

/** Options of the stack under the journeys: the tab API's audience, flow timings at test speed. */
function stackOptions(extra: StackOptions): StackOptions {
  return {
    ...extra,
    // The emulated app registration's Application ID URI (PUBLIC_URL names 127.0.0.1 here).
    app: (emu) => ({ TAB_API_AUDIENCE: `api://localhost/${emu.appId}` }),
  };
}

async function startWorld(opts: StackOptions): Promise<World & { stop(): Promise<void> }> {
  const stack = await startStack(stackOptions(opts));
  try {
    const { emu, app } = stack;
    const pg = await startPlayground({ botEndpoint: `${app.url}/api/messages` });
    stack.onStop(() => pg.stop());
    const meId = pg.config.currentUser.aadObjectId;
    const someone = (p: { id: string; displayName: string } | undefined, what: string): Someone => {
      if (!p) throw new Error(`no seeded person ${what}`);
      return { id: p.id, name: p.displayName };
    };
    const me = someone(
      emu.people.find((p) => p.id === meId),
      'signed in to the Playground',
    );
    const chat = pg.config.personalChat.id;
    const botId = pg.config.bot.id;
    const fromBot = (e: (typeof pg.events)[number]) =>
      e.action === 'createMessage' && e.message?.from.id === botId && cardOfMessage(e.message) !== undefined;
    return {
      emu,
      app,
      pg,
      chat,
      me,
      tab: await Tab.signIn(emu, app, me.id),
      person: (firstName) =>
        someone(
          emu.people.find((p) => p.displayName.split(' ')[0] === firstName),
          firstName,
        ),
      async script(who, script) {
        const res = await emu.control('PUT', `/emulator/people/${who.id}/script`, script);
        if (res.status >= 300) throw new Error(`script for ${who.name}: ${res.status}`);
      },
      async say(line) {
        const before = pg.events.length;
        await pg.say(chat, line);
        const answer = await pg.waitFor(
          (e) => pg.events.indexOf(e) >= before && fromBot(e),
          `the bot's answer to "${line}"`,
        );
        return new ChatCard(pg, chat, answer.message!.messageId);
      },
      async postedCard(text, what, opts = {}) {
        const e = await pg.waitFor(
          (x) => pg.events.indexOf(x) >= (opts.since ?? 0) && fromBot(x) && text.test(ChatCard.textOf(x)),
          what,
          opts.timeoutMs,
        );
        return new ChatCard(pg, chat, e.message!.messageId);
      },
      cardsReading(text) {
        const ids = new Set(pg.events.filter(fromBot).map((e) => e.message!.messageId));
        return [...ids].map((id) => new ChatCard(pg, chat, id)).filter((c) => text.test(c.text()));
      },
      stop: () => stack.stop(),
    };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

/** Ends every call still up, so one journey's calls never make the next one's people busy. */
async function hangUpEverything(w: World): Promise<void> {
  const calling = w.app.app.calling!;
  // Every call, consultation legs included (the call model lists those within the call they serve).
  for (const call of await calling.listCalls({ active: true }))
    // A call may end on its own meanwhile (its hang-up then fails); the wait below is what counts.
    await calling.hangUp(call.id).catch(() => undefined);
  const end = Date.now() + 10_000;
  for (;;) {
    const calls = await w.emu.control<{ value: Array<{ state: string }> }>('GET', '/emulator/calls');
    if (calls.body.value.every((c) => c.state === 'terminated')) return;
    if (Date.now() > end) throw new Error('calls are still up after the journey');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts the world in the suite's before() and stops it in its after(); calls left up end after each test. */
export function useWorld(opts: StackOptions = {}): World {
  const world = forSuite(
    () => startWorld(opts),
    (w) => w.stop(),
  );
  afterEach(() => hangUpEverything(world));
  return world;
}

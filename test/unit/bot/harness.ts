import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  MemoryStorage,
  TestAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { AdaptiveCard } from '../../../bot/cards/types';
import type { ConversationRoster, RosterMember } from '../../../bot/commands/scope';
import { createSwitchboard, proactiveThrough, type Switchboard } from '../../../bot/botbuilder';
import type { Person } from '../../../bot/ports';
import { FakeCalling } from './fake-ports';

// The one test file that speaks botbuilder: the conversations drive bot/botbuilder/ on its TestAdapter.
export type { Activity };

export const people = JSON.parse(
  readFileSync(path.join(__dirname, '../../fixtures/bot/people.json'), 'utf8'),
) as Person[];
export const [adele, alex, megan, lee] = people as [Person, Person, Person, Person];

/** A test adapter that keeps every activity the bot sent or edited, in order. */
export class RecordingAdapter extends TestAdapter {
  readonly sent: Array<Partial<Activity>> = [];
  readonly updated: Array<Partial<Activity>> = [];

  override async sendActivities(
    ctx: TurnContext,
    activities: Array<Partial<Activity>>,
  ): Promise<ResourceResponse[]> {
    const r = await super.sendActivities(ctx, activities);
    this.sent.push(...activities);
    return r;
  }

  override async updateActivity(
    ctx: TurnContext,
    activity: Partial<Activity>,
  ): Promise<ResourceResponse | void> {
    this.updated.push(activity);
    return super.updateActivity(ctx, activity);
  }
}

/** The card of an activity (the first attachment). */
export function cardOf(a: Partial<Activity> | undefined): AdaptiveCard {
  const att = a?.attachments?.[0];
  if (!att || att.contentType !== 'application/vnd.microsoft.card.adaptive')
    throw new Error(`no card in ${JSON.stringify(a)}`);
  return att.content as AdaptiveCard;
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface Harness {
  readonly adapter: RecordingAdapter;
  readonly fake: FakeCalling;
  readonly sb: Switchboard;
  readonly storage: MemoryStorage;
  readonly errors: unknown[];
  clock: number;
  /** The user types a message; returns the activities the bot sent in that turn. */
  say(text: string, extra?: Partial<Activity>): Promise<Array<Partial<Activity>>>;
  /** The user clicks an Action.Execute button on the card in activity `onActivityId`; returns the invoke response body. */
  execute(
    button: Record<string, unknown>,
    onActivityId: string,
    extra?: Partial<Activity>,
  ): Promise<{ status: number; body: { type: string; value: unknown } }>;
  /** The user presses an Action.Submit button (a message with value). */
  submit(data: unknown, onActivityId: string): Promise<Array<Partial<Activity>>>;
  /** Runs any activity through the bot. */
  send(activity: Partial<Activity>): Promise<Array<Partial<Activity>>>;
}

export const CONVERSATION = {
  id: 'conv-personal',
  conversationType: 'personal',
  tenantId: 'tenant-1',
  isGroup: false,
  name: '',
};
export const USER = { id: '29:alex', name: 'Alex Wilber', aadObjectId: alex.id };

/** A Switchboard on botbuilder's TestAdapter with fake ports, a fake roster and an injectable clock. */
export function harness(
  opts: { roster?: Partial<ConversationRoster>; members?: RosterMember[]; storage?: MemoryStorage } = {},
): Harness {
  const adapter = new RecordingAdapter();
  // Given, it is the storage of a bot that ran before (a restart).
  const storage = opts.storage ?? new MemoryStorage();
  const errors: unknown[] = [];
  const logger = { ...silent, error: (o: object) => errors.push(o), warn: (o: object) => errors.push(o) };
  const h = { clock: Date.parse('2025-03-10T10:00:00Z') } as Harness;
  const fake = new FakeCalling(people, () => h.clock);
  const members = opts.members ?? [];
  const roster: ConversationRoster = {
    member: async (id) => members.find((m) => m.id === id),
    members: async () => members,
    meetingJoinUrl: async () => undefined,
    ...opts.roster,
  };
  // Proactive turns on the test adapter: a context addressed by the stored reference.
  const proactive = proactiveThrough(async (ref: Partial<ConversationReference>, logic) => {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continue' }, ref, true);
    await logic(new TurnContext(adapter, activity));
  });
  const sb = createSwitchboard(adapter, {
    ports: fake.ports,
    storage,
    logger,
    roster: () => roster,
    proactive,
    now: () => h.clock,
  });
  const send = async (activity: Partial<Activity>) => {
    const before = adapter.sent.length;
    await adapter.processActivity(
      {
        channelId: 'msteams',
        serviceUrl: 'https://smba.example/teams/',
        from: USER,
        recipient: { id: '28:bot', name: 'Switchboard' },
        conversation: CONVERSATION,
        localTimezone: 'Europe/Berlin',
        ...activity,
      } as Partial<Activity> as Activity,
      (ctx) => sb.handler.run(ctx),
    );
    return adapter.sent.slice(before);
  };
  return Object.assign(h, {
    adapter,
    fake,
    sb,
    storage,
    errors,
    send,
    say: (text: string, extra: Partial<Activity> = {}) => send({ type: 'message', text, ...extra }),
    async execute(button: Record<string, unknown>, onActivityId: string, extra: Partial<Activity> = {}) {
      const out = await send({
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: onActivityId,
        value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data } },
        ...extra,
      });
      const resp = out.find((a) => a.type === 'invokeResponse');
      return resp!.value as { status: number; body: { type: string; value: unknown } };
    },
    submit: (data: unknown, onActivityId: string) =>
      send({ type: 'message', replyToId: onActivityId, value: data }),
  });
}

/** Waits until the condition holds (card updates arrive asynchronously). */
export async function until(cond: () => boolean, what: string, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

// What adding the tab to a team channel, a meeting or a group chat means: the view its content URL
// opens, the settings handed to Teams on save, and the words the configuration page shows first.
import type { TabView } from '../host-rules';

/** The parts of the host context the plan depends on. */
export interface PlaceContext {
  teamId?: string;
  teamName?: string;
  channelName?: string;
  meetingId?: string;
  chatId?: string;
}

/** The settings pages.config.setConfig hands Teams (the names teams-js uses). */
export interface TabSettings {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/** A tab instance to add: its view, its settings, and what the configuration page says about it. */
export interface TabPlan {
  view: TabView;
  settings: TabSettings;
  headline: string;
  details: string;
}

/**
 * Stable per view: saving again from the tab's settings keeps the same entity, and the id says what
 * the tab shows (context.page.id in the content page).
 */
const ENTITY_IDS: Record<TabView, string> = {
  team: 'switchboard-team-board',
  meeting: 'switchboard-meeting',
  chat: 'switchboard-chat-board',
};

/**
 * The view for a place: a meeting's panel (also a channel meeting's, whose context names the team too),
 * a team's board, or a group chat's board; none elsewhere.
 */
export function viewForPlace(ctx: PlaceContext): TabView | undefined {
  if (ctx.meetingId) return 'meeting';
  if (ctx.teamId) return 'team';
  if (ctx.chatId) return 'chat';
  return undefined;
}

function words(view: TabView, ctx: PlaceContext): { headline: string; details: string } {
  if (view === 'team') {
    const team = ctx.teamName ?? 'this team';
    return {
      headline: ctx.channelName
        ? `Add Switchboard to ${ctx.channelName} in ${team}`
        : `Add Switchboard to ${team}`,
      details:
        `The tab shows ${team}'s members with their live presence next to each person's own board: ` +
        'call anyone, connect two people, start a group call or a meeting with the people selected.',
    };
  }
  if (view === 'meeting')
    return {
      headline: 'Add Switchboard to this meeting',
      details:
        "The tab shows the meeting's subject, times and join link and its participants with their " +
        'presence: have Switchboard join, call someone in, mute, play an announcement.',
    };
  return {
    headline: 'Add Switchboard to this chat',
    details:
      'The tab shows a presence board of the people each person adds: call anyone, connect two ' +
      'people, start a group call or a meeting with the people selected.',
  };
}

/**
 * The plan for a place, with the content URL under tabBase (the folder config.html was served from),
 * or undefined for a context that is no team, meeting or chat.
 */
export function planTab(ctx: PlaceContext, tabBase: string): TabPlan | undefined {
  const view = viewForPlace(ctx);
  if (!view) return undefined;
  const base = new URL('./', tabBase);
  const content = new URL(base);
  content.searchParams.set('view', view);
  return {
    view,
    settings: {
      entityId: ENTITY_IDS[view],
      contentUrl: content.href,
      websiteUrl: base.href,
      suggestedDisplayName: 'Switchboard',
    },
    ...words(view, ctx),
  };
}

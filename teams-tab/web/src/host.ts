// The Teams host through teams-js: start-up, the context the tab needs, theme changes and SSO tokens.
import { app, authentication, meeting } from '@microsoft/teams-js';
import { loopbackHostOrigins, surfaceFor, themeName, viewParam } from './host-rules';
import type { Surface, ThemeName } from './host-rules';

export type { Surface, ThemeName };

/** What the tab takes from app.getContext(). */
export interface HostContext {
  theme: ThemeName;
  surface: Surface;
  frameContext: string;
  userId?: string;
  tenantId?: string;
  userName?: string;
  meetingId?: string;
  chatId?: string;
  /** The team's group id, in a team channel tab. */
  teamId?: string;
  teamName?: string;
  /** The channel's name, in a team channel (what the configuration page names). */
  channelName?: string;
}

/** Connects to the host, or rejects after timeoutMs when nothing answers (the tab is not in Teams). */
export async function connectHost(timeoutMs: number): Promise<HostContext> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no Teams host answered')), timeoutMs);
  });
  try {
    await Promise.race([app.initialize(loopbackHostOrigins(document.referrer)), timeout]);
    const ctx = await Promise.race([app.getContext(), timeout]);
    const frameContext = String(ctx.page.frameContext ?? 'content');
    const meetingId = ctx.meeting?.id;
    return {
      theme: themeName(ctx.app.theme),
      surface: surfaceFor(frameContext, meetingId, viewParam(location.search)),
      frameContext,
      userId: ctx.user?.id,
      tenantId: ctx.user?.tenant?.id,
      userName: ctx.user?.displayName ?? ctx.user?.userPrincipalName,
      meetingId,
      chatId: ctx.chat?.id,
      teamId: ctx.team?.groupId,
      teamName: ctx.team?.displayName,
      channelName: ctx.channel?.displayName,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Calls handler with the host's theme whenever the user changes it. */
export function onThemeChange(handler: (theme: ThemeName) => void): void {
  app.registerOnThemeChangeHandler((t) => handler(themeName(t)));
}

/** Tells the host the tab has loaded (hides Teams' own loading indicator). */
export function reportLoaded(): void {
  app.notifySuccess().catch((err: unknown) => console.warn('notifySuccess failed', err));
}

/** An SSO token for the tab's API; interactive lets Teams show its consent prompt. */
export function ssoToken(interactive = false): Promise<string> {
  return authentication.getAuthToken(interactive ? { silent: false } : {});
}

/** A meeting's details as the host tells them (meeting.getMeetingDetails). */
export interface HostMeetingDetails {
  subject?: string;
  startDateTime?: string;
  endDateTime?: string;
  joinWebUrl?: string;
  organizerId?: string;
}

/** Asks the host for the meeting's details; undefined when it refuses or does not answer in time. */
export function hostMeetingDetails(timeoutMs: number): Promise<HostMeetingDetails | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    try {
      meeting.getMeetingDetails((err, res) => {
        clearTimeout(timer);
        if (err || !res) return resolve(undefined);
        const d = res.details as {
          title?: string;
          scheduledStartTime?: string;
          scheduledEndTime?: string;
          joinUrl?: string;
        };
        resolve({
          subject: d.title,
          startDateTime: d.scheduledStartTime,
          endDateTime: d.scheduledEndTime,
          joinWebUrl: d.joinUrl,
          organizerId: res.organizer?.id,
        });
      });
    } catch (err) {
      // teams-js throws at once when the host does not list the meeting capability.
      clearTimeout(timer);
      console.warn('meeting details unavailable', err);
      resolve(undefined);
    }
  });
}

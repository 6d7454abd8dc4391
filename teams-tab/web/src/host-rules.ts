// Pure rules about the host: which origins may frame the tab, theme names, and which view a context opens.

export type ThemeName = 'default' | 'dark' | 'contrast';

/** Where the tab is shown: a personal tab, or one of a meeting's surfaces. */
export type Surface = 'personal' | 'meeting';

/** The view a configurable tab's content URL names (`?view=`), set when the tab is added. */
export type TabView = 'team' | 'meeting' | 'chat';

/**
 * Origins besides Microsoft's that may host the tab: only a loopback page that framed it (the local
 * emulator's Teams host), so a public site can never pose as the host.
 */
export function loopbackHostOrigins(referrer: string): string[] {
  try {
    const u = new URL(referrer);
    const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
    return loopback && (u.protocol === 'http:' || u.protocol === 'https:') ? [u.origin] : [];
  } catch {
    return [];
  }
}

/** Normalises a host theme name (hosts may send unknown ones). */
export function themeName(raw: string | undefined): ThemeName {
  return raw === 'dark' || raw === 'contrast' ? raw : 'default';
}

/** The `view` query parameter of the tab's URL, when it is one the tab knows. */
export function viewParam(search: string): TabView | undefined {
  const v = new URLSearchParams(search).get('view');
  return v === 'team' || v === 'meeting' || v === 'chat' ? v : undefined;
}

const MEETING_FRAMES = new Set(['sidePanel', 'meetingStage']);

/**
 * The surface for a context. A meeting's panel and stage always show the meeting. Otherwise the view
 * saved in the content URL decides (a meeting view needs the context's meeting id to show anything);
 * a tab without one (the personal tab) shows the meeting whenever the context carries a meeting.
 */
export function surfaceFor(frameContext: string, meetingId: string | undefined, view?: TabView): Surface {
  if (MEETING_FRAMES.has(frameContext)) return 'meeting';
  if (view === 'team' || view === 'chat') return 'personal';
  return meetingId ? 'meeting' : 'personal';
}

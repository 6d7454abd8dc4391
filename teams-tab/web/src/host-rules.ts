// Pure rules about the host: which origins may frame the tab, and theme names.

export type ThemeName = 'default' | 'dark' | 'contrast';

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

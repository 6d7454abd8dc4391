// Graph delivers change notifications only to an https endpoint it can reach. A loopback http URL is
// accepted too, for a Graph running on the same machine (the local emulator).
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when `publicUrl` looks like somewhere Graph could post notifications to. */
export function canReceiveNotifications(publicUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    // Not a URL at all: nothing could be posted to it.
    return false;
  }
  if (url.port === '0') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}

// The identifiers of an online meeting as Teams writes them: the Graph id (base64 of
// `1*{organizerId}*{messageId}**{threadId}`, SPEC.md §5.3), the chat thread id, the long join URL
// (SPEC.md §5.1, percent-escapes in lower case as Teams writes them), the short form and the dial-in
// join meeting id and passcode.
import { randomInt, randomUUID } from 'node:crypto';

/** The Graph onlineMeeting id of a meeting. */
export function meetingGraphId(organizerId: string, threadId: string, messageId = '0'): string {
  return Buffer.from(`1*${organizerId}*${messageId}**${threadId}`, 'utf8').toString('base64');
}

/** The organizer and thread a Graph meeting id names; undefined when it is not one ("corrupted"). */
export function parseMeetingGraphId(id: string): { organizerId: string; threadId: string } | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(id)) return undefined;
  const text = Buffer.from(id, 'base64').toString('utf8');
  const m = /^1\*([^*]+)\*([^*]*)\*\*(.+)$/.exec(text);
  return m ? { organizerId: m[1] as string, threadId: m[3] as string } : undefined;
}

/** A new meeting chat thread id, `19:meeting_{base64 of a GUID}@thread.v2` like the ones Teams makes. */
export function newThreadId(): string {
  return `19:meeting_${Buffer.from(randomUUID()).toString('base64')}@thread.v2`;
}

/** Percent-encoding with lower-case hex, as Teams join links are written. */
const encode = (s: string): string => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());

/** The long join URL: thread id, message id 0, and the tenant and organizer in `context`. */
export function joinWebUrlOf(threadId: string, tenantId: string, organizerId: string): string {
  const context = JSON.stringify({ Tid: tenantId, Oid: organizerId });
  return `https://teams.microsoft.com/l/meetup-join/${encode(threadId)}/0?context=${encode(context)}`;
}

export type ParsedJoinUrl =
  | { kind: 'long'; threadId: string; messageId: string; tenantId?: string; organizerId?: string }
  | { kind: 'short'; joinMeetingId: string; passcode?: string };

/** Reads a join URL in the long (meetup-join) or short (/meet/{id}?p=) form; undefined otherwise. */
export function parseJoinWebUrl(raw: string): ParsedJoinUrl | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  const short = /^\/meet\/(\d+)\/?$/.exec(url.pathname);
  if (short) {
    const p = url.searchParams.get('p');
    return { kind: 'short', joinMeetingId: short[1] as string, ...(p ? { passcode: p } : {}) };
  }
  const long = /\/l\/meetup-join\/([^/]+)\/([^/?]+)/.exec(url.pathname);
  if (!long) return undefined;
  let threadId: string;
  let messageId: string;
  try {
    threadId = decodeURIComponent(long[1] as string);
    messageId = decodeURIComponent(long[2] as string);
  } catch {
    return undefined;
  }
  let context: { Tid?: unknown; Oid?: unknown } = {};
  try {
    context = JSON.parse(url.searchParams.get('context') ?? '{}') as typeof context;
  } catch {
    context = {};
  }
  return {
    kind: 'long',
    threadId,
    messageId,
    ...(typeof context.Tid === 'string' ? { tenantId: context.Tid } : {}),
    ...(typeof context.Oid === 'string' ? { organizerId: context.Oid } : {}),
  };
}

/** A 12-digit join meeting id (dial-in and "join with an ID"). */
export function newJoinMeetingId(): string {
  let id = String(randomInt(1, 10));
  while (id.length < 12) id += String(randomInt(0, 10));
  return id;
}

const PASSCODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A 6-character meeting passcode like the ones Teams generates. */
export function newPasscode(): string {
  let out = '';
  for (let i = 0; i < 6; i++) out += PASSCODE_CHARS.charAt(randomInt(0, PASSCODE_CHARS.length));
  return out;
}

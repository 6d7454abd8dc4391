// Teams meeting links → the coordinates Graph needs to join (SPEC §5). Pure.
//   long:  https://teams.microsoft.com/l/meetup-join/{threadId}/{messageId}?context={"Tid":..,"Oid":..}
//   short: https://teams.microsoft.com/meet/{joinMeetingId}?p={passcode}
// Links arrive encoded (as Teams writes them), decoded (pasted from somewhere that unescaped them),
// wrapped by Outlook Safe Links, or in the web client's fragment form; all are accepted.
import type {
  ChatInfo,
  JoinMeetingIdMeetingInfo,
  OrganizerMeetingInfo,
} from '@microsoft/microsoft-graph-types';
import { CallingError } from '../errors';
import type { TenantIdentity, Typed } from './types';

/** Join coordinates from a long-form link: chatInfo + organizerMeetingInfo, and the meeting's tenant. */
export interface OrganizerJoin {
  readonly kind: 'organizer';
  readonly tenantId: string;
  readonly chatInfo: ChatInfo;
  readonly meetingInfo: Typed<OrganizerMeetingInfo> & { organizer: { user: TenantIdentity } };
}

/** Join coordinates from a short-form link: the meeting id and passcode. */
export interface JoinMeetingIdJoin {
  readonly kind: 'joinMeetingId';
  readonly meetingInfo: Typed<JoinMeetingIdMeetingInfo>;
}

export type JoinCoordinates = OrganizerJoin | JoinMeetingIdJoin;

const TEAMS_HOSTS =
  /^(teams\.microsoft\.com|teams\.microsoft\.us|gov\.teams\.microsoft\.us|dod\.teams\.microsoft\.us|teams\.cloud\.microsoft)$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const THREAD = /^19:[^\s/]+@thread\.(v2|skype|tacv2)$/i;
const EXPECTED =
  'Paste the meeting link from the invitation: https://teams.microsoft.com/l/meetup-join/19%3ameeting_...%40thread.v2/0?context=... ' +
  'or https://teams.microsoft.com/meet/<meeting id>?p=<passcode>.';

/** Parses a Teams meeting link; throws CallingError('invalid_join_url') saying what is wrong. */
export function parseJoinUrl(input: string): JoinCoordinates {
  const text = fromFragment(unwrapSafeLinks(input.trim().replace(/^<|>$/g, '')));
  const m = /^https:\/\/([^/?#]+)(\/[^?#]*)(?:\?([^#]*))?/i.exec(text);
  if (!m) throw invalid(`"${shorten(input)}" is not an https link.`);
  const [, host = '', path = '', query = ''] = m;
  if (!TEAMS_HOSTS.test(host))
    throw invalid(`${host} is not a Microsoft Teams (work or school) meeting host.`);

  const long = /^\/l\/meetup-join\/([^/]+)\/([^/]+)\/?$/i.exec(path);
  if (long) return parseLong(long[1] ?? '', long[2] ?? '', query);
  const short = /^\/meet\/([^/]+)\/?$/i.exec(path);
  if (short) return parseShort(short[1] ?? '', query);
  throw invalid(`The link points at ${path}, which is not a meeting join link.`);
}

function parseLong(rawThread: string, rawMessage: string, query: string): OrganizerJoin {
  const threadId = decodeFully(rawThread);
  if (!THREAD.test(threadId)) throw invalid(`"${threadId}" is not a meeting thread id (19:...@thread.v2).`);
  const messageId = decodeFully(rawMessage);
  if (!/^\d+$/.test(messageId)) throw invalid(`The message id "${messageId}" in the link is not a number.`);

  const contextText = queryParam(query, 'context');
  if (contextText === undefined)
    throw invalid('The link has no context=... part (it carries the tenant and organizer).');
  let context: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(contextText);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    context = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k.toLowerCase(), v]));
  } catch (err) {
    throw invalid(
      `The link's context is not readable JSON (${(err as Error).message}); the link was probably cut off.`,
    );
  }
  const tenantId = context['tid'];
  const organizerId = context['oid'];
  if (typeof tenantId !== 'string' || !GUID.test(tenantId))
    throw invalid('The link\'s context has no tenant id ("Tid").');
  if (typeof organizerId !== 'string' || !GUID.test(organizerId))
    throw invalid('The link\'s context has no organizer id ("Oid").');
  const reply = context['messageid'];

  const chatInfo: ChatInfo = { threadId, messageId };
  if (typeof reply === 'string' || typeof reply === 'number') chatInfo.replyChainMessageId = String(reply);
  return {
    kind: 'organizer',
    tenantId,
    chatInfo,
    meetingInfo: {
      '@odata.type': '#microsoft.graph.organizerMeetingInfo',
      organizer: { user: { id: organizerId, tenantId } },
    },
  };
}

function parseShort(rawId: string, query: string): JoinMeetingIdJoin {
  const joinMeetingId = decodeFully(rawId).replace(/\s+/g, '');
  if (!/^\d{6,20}$/.test(joinMeetingId))
    throw invalid(`"${joinMeetingId}" is not a meeting id (digits only).`);
  const passcode = queryParam(query, 'p');
  return {
    kind: 'joinMeetingId',
    meetingInfo: {
      '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo',
      joinMeetingId,
      passcode: passcode || null,
    },
  };
}

/** One query parameter, decoded until no escapes remain (links are sometimes encoded twice). */
function queryParam(query: string, name: string): string | undefined {
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    if (key.toLowerCase() === name) return decodeFully(eq === -1 ? '' : part.slice(eq + 1));
  }
  return undefined;
}

function decodeFully(value: string): string {
  let current = value;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(current); i += 1) {
    try {
      current = decodeURIComponent(current);
    } catch (err) {
      throw invalid(`The link contains a broken escape sequence (${(err as Error).message}).`);
    }
  }
  return current;
}

function unwrapSafeLinks(text: string): string {
  const m = /^https:\/\/[^/]*safelinks\.protection\.outlook\.com\/?\?(.*)$/i.exec(text);
  return m ? (queryParam(m[1] ?? '', 'url') ?? text) : text;
}

// The web client's own links carry the join path in the fragment: https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/...
function fromFragment(text: string): string {
  const m = /^(https:\/\/[^/?#]+)\/[^#]*#(\/l\/meetup-join\/.*)$/i.exec(text);
  return m ? `${m[1] ?? ''}${m[2] ?? ''}` : text;
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function invalid(what: string): CallingError {
  return new CallingError('invalid_join_url', `${what} ${EXPECTED}`);
}

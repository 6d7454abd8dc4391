// The /api/tab/* edge: authenticate (Teams SSO), route, answer. Errors of our own become the one error
// body here; the calling module's errors are left to the server, which maps every calling code to HTTP.
import { authFailure } from './auth/auth-failure';
import { consentFailure } from './auth/consent-failure';
import type { SsoVerifier } from './auth/verify-sso-token';
import type { AuthResult } from './auth/types';
import { errorResponse, TabError } from './errors';
import { createEventHub, type EventHub } from './events/event-hub';
import type {
  TabCalling,
  TabClickToCall,
  TabGraph,
  TabLogger,
  TabMeetings,
  TabQueues,
  TabRecords,
} from './ports';
import { matchRoute, type TabRoute } from './router';
import { callRoutes } from './routes/calls';
import { eventRoutes } from './routes/events';
import { historyRoutes } from './routes/history';
import { meetingChangeRoutes } from './routes/meeting-changes';
import { meetingRoutes } from './routes/meetings';
import { peopleRoutes } from './routes/people';
import { queueRoutes } from './routes/queues';
import { teamRoutes } from './routes/team';
import { TAB_PREFIX } from './prefix';
import type { TabEdge } from './types';

/** Everything the tab API runs on. */
export interface TabApiDeps {
  readonly verify: SsoVerifier;
  readonly logger: TabLogger;
  /** The call model; absent when the deployment has no Graph credentials (calls answer 503). */
  readonly calling?: TabCalling;
  /** Click-to-call behind a 1:1 Call (without it, the user and the other person are rung together). */
  readonly clickToCall?: TabClickToCall;
  readonly graph?: TabGraph;
  /** The meetings Switchboard created (503 for moves, cancellations and attendance without them). */
  readonly meetings?: TabMeetings;
  /** Graph call-record summaries, for the history chart (503 without them). */
  readonly records?: TabRecords;
  /** The call queues' boards (503 without queues); streams get `queue` events as boards change. */
  readonly queues?: TabQueues;
  /** Prompt files (under /prompts) the tab may play as announcements. */
  readonly prompts?: readonly { readonly name: string; readonly label: string }[];
  /** How often watched presence is polled (default 10 s). */
  readonly presencePollMs?: number;
  /** The app's /api/notifications URL; with it, presence is followed by Graph subscriptions. */
  readonly notificationUrl?: string;
  readonly now?: () => number;
}

/** The shared parts every route module gets. */
export interface TabApiParts extends TabApiDeps {
  readonly hub: EventHub;
}

/** A running tab API: the edge plus what must be stopped on shutdown. */
export interface TabApi {
  readonly edge: TabEdge;
  /** POST /api/notifications after the validation handshake: presence change notifications. */
  readonly notifications: TabEdge;
  close(): void;
}

/** Builds the tab API over its dependencies. */
export function createTabApi(deps: TabApiDeps): TabApi {
  const hub = createEventHub(deps);
  const parts: TabApiParts = { ...deps, hub };
  const routes: TabRoute[] = [
    ...peopleRoutes(parts),
    ...teamRoutes(parts),
    ...callRoutes(parts),
    ...meetingRoutes(parts),
    ...meetingChangeRoutes(parts),
    ...historyRoutes(parts),
    ...queueRoutes(parts),
    ...eventRoutes(parts),
  ];
  const edge: TabEdge = async (req) => {
    const rel = req.path.startsWith(TAB_PREFIX) ? req.path.slice(TAB_PREFIX.length) : req.path;
    const match = matchRoute(routes, req.method, rel);
    if (match === 'no_route')
      return errorResponse(404, 'not_found', `No tab API route ${req.method} ${req.path}.`);
    if (match === 'wrong_method')
      return errorResponse(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}.`);
    // The event stream may authenticate with a one-time ticket, since EventSource cannot send headers.
    let auth: AuthResult;
    try {
      auth =
        rel === '/events' && req.query.has('ticket')
          ? hub.redeemTicket(req.query.get('ticket') ?? '')
          : await deps.verify(asHeader(req.headers.authorization));
    } catch (err) {
      // The authority's keys could not be fetched: nobody can be checked, and nobody is let in.
      deps.logger.warn({ err }, 'tab sign-in keys could not be loaded');
      return errorResponse(
        503,
        'unavailable',
        "Sign-in could not be checked just now (the identity provider's keys could not be loaded). Try again in a minute.",
      );
    }
    if (!auth.ok) {
      deps.logger.info({ reason: auth.reason, detail: auth.detail, path: req.path }, 'tab token refused');
      return authFailure(auth.reason);
    }
    try {
      return await match.route.handle({ req, user: auth.user, params: match.params });
    } catch (err) {
      if (err instanceof TabError) return errorResponse(err.status, err.code, err.message);
      const consent = consentFailure(err);
      if (consent) return consent;
      throw err;
    }
  };
  const notifications: TabEdge = async (req) => {
    let body: unknown;
    try {
      body = await req.json();
    } catch (err) {
      return errorResponse(400, 'bad_request', `The notification body is not JSON (${String(err)}).`);
    }
    const taken = hub.acceptNotifications(body);
    deps.logger.debug({ taken }, 'change notifications received');
    // 202 either way: Graph retries anything else, and a notification we cannot use will not improve.
    return { status: 202 };
  };
  return { edge, notifications, close: () => hub.close() };
}

function asHeader(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

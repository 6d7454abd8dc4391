// One call builds everything the calling module needs to talk to Graph, from configuration values.
import type { Logger } from 'pino';
import type { Fetch, SendText } from '../http/outbound';
import { createTokenProvider } from './app-token';
import type { TokenProvider } from './app-token';
import { createAttendanceApi } from './attendance-api';
import type { AttendanceApi } from './attendance-api';
import { createCallsApi } from './calls-api';
import type { CallsApi } from './calls-api';
import { createGraphClient } from './graph-client';
import { createMeetingsApi } from './meetings-api';
import type { MeetingsApi } from './meetings-api';
import { createParticipantsApi } from './participants-api';
import type { ParticipantsApi } from './participants-api';
import { createPresenceApi } from './presence-api';
import type { PresenceApi } from './presence-api';
import type { GraphClient } from './types';
import { createUsersApi } from './users-api';
import type { UsersApi } from './users-api';

/** The configuration values Graph access needs (names as in server's config). */
export interface GraphServicesOptions {
  /** MicrosoftAppId */
  readonly clientId: string;
  /** MicrosoftAppPassword */
  readonly clientSecret: string;
  /** MicrosoftAppTenantId: the tenant used when a request names none. */
  readonly tenantId: string;
  /** GRAPH_BASE_URL */
  readonly graphBaseUrl: string;
  /** ENTRA_AUTHORITY_HOST */
  readonly authorityHost: string;
  /** The fetch every request goes through (the app's one dispatcher, which trusts EXTRA_CA_FILE). */
  readonly fetch?: Fetch;
  /** How Graph requests are sent, over the same dispatcher (`Outbound.sendText`); else through `fetch`. */
  readonly sendText?: SendText;
  readonly logger: Logger;
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
}

/** Tokens, the raw client and the typed APIs, sharing one token cache and one connection pool. */
export interface GraphServices {
  readonly tokens: TokenProvider;
  readonly graph: GraphClient;
  readonly calls: CallsApi;
  readonly participants: ParticipantsApi;
  readonly meetings: MeetingsApi;
  /** Meetings' attendance reports (OnlineMeetingArtifact.Read.All). */
  readonly attendance: AttendanceApi;
  readonly presence: PresenceApi;
  readonly users: UsersApi;
}

/** Builds the Graph services; nothing touches the network until the first request. */
export function createGraphServices(opts: GraphServicesOptions): GraphServices {
  const tokens = createTokenProvider({
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    defaultTenantId: opts.tenantId,
    authorityHost: opts.authorityHost,
    fetch: opts.fetch,
    logger: opts.logger,
  });
  const graph = createGraphClient({
    baseUrl: opts.graphBaseUrl,
    defaultTenantId: opts.tenantId,
    tokens,
    logger: opts.logger,
    fetch: opts.fetch,
    ...(opts.sendText ? { sendText: opts.sendText } : {}),
    maxAttempts: opts.maxAttempts,
    timeoutMs: opts.timeoutMs,
  });
  return {
    tokens,
    graph,
    calls: createCallsApi(graph),
    participants: createParticipantsApi(graph),
    meetings: createMeetingsApi(graph),
    attendance: createAttendanceApi(graph),
    presence: createPresenceApi(graph),
    users: createUsersApi(graph),
  };
}

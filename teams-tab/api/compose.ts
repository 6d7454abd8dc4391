// Builds the tab API from the app's configuration values: the SSO verifier (audience, tenants, the
// authority's keys, read through the app's fetch) and the parts the app already has.
import { defaultTabAudience, TAB_SCOPE } from './auth/audience';
import { createFetchJson, type Fetch } from '../../calling';
import { createTenantKeys } from './auth/tenant-keys';
import { createSsoVerifier } from './auth/verify-sso-token';
import { createTabApi, type TabApi } from './create-tab-api';
import type {
  TabCalling,
  TabClickToCall,
  TabGraph,
  TabLogger,
  TabMeetings,
  TabQueues,
  TabRecords,
} from './ports';

export interface TabApiSettings {
  /** MicrosoftAppId; unset means every token is refused (fail closed). */
  readonly appId?: string;
  /** MicrosoftAppTenantId: the tenant allowed when no allow-list is set. */
  readonly tenantId?: string;
  /** TENANT_ALLOWLIST */
  readonly tenantAllowlist?: readonly string[];
  /** TAB_API_AUDIENCE; default api://<host of publicUrl>/<appId>. */
  readonly audience?: string;
  readonly publicUrl: string;
  /** ENTRA_AUTHORITY_HOST */
  readonly authorityHost: string;
  /** The fetch the authority's keys are read with (the app's one dispatcher, which trusts EXTRA_CA_FILE). */
  readonly fetch?: Fetch;
  readonly logger: TabLogger;
  readonly calling?: TabCalling;
  readonly clickToCall?: TabClickToCall;
  readonly graph?: TabGraph;
  readonly meetings?: TabMeetings;
  readonly records?: TabRecords;
  readonly queues?: TabQueues;
  readonly prompts?: readonly { readonly name: string; readonly label: string }[];
}

/** Announcements the tab offers (files of the prompt set). */
export const TAB_PROMPTS = [
  { name: 'please-hold.wav', label: 'Please hold' },
  { name: 'connecting.wav', label: 'Connecting you now' },
  { name: 'welcome.wav', label: 'Welcome' },
  { name: 'goodbye.wav', label: 'Goodbye' },
] as const;

/** The tab API as the app mounts it. */
export function createTabApiForApp(s: TabApiSettings): TabApi {
  const audiences = s.appId ? [s.audience ?? defaultTabAudience(s.publicUrl, s.appId), s.appId] : [];
  const tenants = s.tenantAllowlist?.length ? s.tenantAllowlist : s.tenantId ? [s.tenantId] : [];
  const keys = createTenantKeys(
    s.authorityHost,
    createFetchJson(s.fetch ? { fetch: s.fetch } : {}),
    s.logger,
  );
  const verify = createSsoVerifier({
    keys,
    authorityHost: s.authorityHost,
    audiences,
    tenants,
    scope: TAB_SCOPE,
  });
  return createTabApi({
    verify,
    logger: s.logger,
    prompts: s.prompts ?? TAB_PROMPTS,
    ...(s.calling ? { calling: s.calling } : {}),
    ...(s.clickToCall ? { clickToCall: s.clickToCall } : {}),
    ...(s.records ? { records: s.records } : {}),
    ...(s.queues ? { queues: s.queues } : {}),
    ...(s.meetings ? { meetings: s.meetings } : {}),
    ...(s.graph ? { graph: s.graph, notificationUrl: `${s.publicUrl}/api/notifications` } : {}),
  });
}

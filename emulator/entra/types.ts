// Shapes shared by the Entra ID emulation and the emulator's HTTP server.

export interface EntraApp {
  appId: string;
  secrets: string[];
  graphRoles: string[];
  delegatedConsent: string[];
  identifierUri: string;
  displayName: string;
}

export interface EntraPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

export interface EntraTenant {
  tenantId: string;
  apps: EntraApp[];
  people: EntraPerson[];
}

export interface EntraOptions {
  /** e.g. https://localhost:3979; the issuer and every published URL are built from it. */
  publicBase: string;
  /** Signing keys are kept here so tokens survive restarts. */
  dataDir: string;
  /** Read on every request: the control API may change roles. */
  tenant: () => EntraTenant;
  /** The emulator clock, in ms. */
  now: () => number;
}

export interface EntraRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface EntraResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface GraphTokenClaims {
  tid: string;
  appid: string;
  roles: string[];
  scp?: string;
  oid?: string;
  idtyp: 'app' | 'user';
  raw: Record<string, unknown>;
}

export type GraphTokenCheck =
  { ok: true; claims: GraphTokenClaims } | { ok: false; status: 401; code: string; message: string };

export interface UserTokenOptions {
  appId?: string;
  audience?: string;
  scopes?: string[];
  lifetimeSec?: number;
  /** The client the user signed in to (azp/appid); defaults to appId. */
  clientId?: string;
  /** Token format: 2 (default; iss = the OpenID configuration's issuer, azp) or 1 (iss sts.windows.net, appid, upn). */
  version?: 1 | 2;
}

export interface Entra {
  /** Handles Entra and calling-key paths; returns undefined for any other path. */
  handle(req: EntraRequest): Promise<EntraResponse | undefined>;
  /** Checks a Graph request's Authorization header (signature, iss, aud, exp/nbf, tid). */
  verifyGraphToken(authorization: string | undefined): Promise<GraphTokenCheck>;
  /** A signed-in user's access token for an app's API (the tab's SSO token). */
  mintUserToken(personId: string, opts?: UserTokenOptions): Promise<string>;
  /** Token the calling service puts on notification POSTs: one per app and tenant, renewed near expiry. */
  signCallingNotification(claims: { aud: string; tid: string }): Promise<string>;
  /** Adds a calling signing key (new kid, used from now on); the old one stays published. */
  rotateCallingKey(): Promise<string>;
}

/** Microsoft Graph's resource id and application id, both accepted as its audience. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The signed-in user, from a verified SSO token. */
export interface TabUser {
  /** Entra object id (`oid`). */
  readonly id: string;
  readonly tenantId: string;
  readonly displayName: string;
  readonly userPrincipalName?: string;
  /** The raw token, kept only to exchange it on-behalf-of the user; never logged. */
  readonly assertion: string;
}

/** Why a token was refused; the UI's message is chosen from it. */
export type AuthFailureReason =
  | 'missing'
  | 'malformed'
  | 'signature'
  | 'expired'
  | 'not_yet_valid'
  | 'audience'
  | 'issuer'
  | 'tenant'
  | 'scope'
  | 'graph_consent'
  | 'ticket';

export type AuthResult =
  | { readonly ok: true; readonly user: TabUser }
  | { readonly ok: false; readonly reason: AuthFailureReason; readonly detail?: string };

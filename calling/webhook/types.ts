// Types of the calling webhook's edge. They mirror the server's edge shapes structurally, so server/ can
// mount the edge without calling/ importing server/.

/** The subset of a pino logger the webhook uses; server/ passes a child logger. */
export interface WebhookLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What the webhook edge reads of a request: headers first, the body only once the caller is verified. */
export interface CallsRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed JSON body; the server rejects malformed or oversize bodies itself (400/413). */
  json(): Promise<unknown>;
}

/**
 * The webhook edge. `early` is what it can answer from the headers alone, synchronously, before the
 * server routes the request (a refusal of a token already known to be bad); undefined means "route it".
 */
export interface CallsEdge {
  (req: CallsRequest): Promise<CallsResponse>;
  early(headers: CallsRequest['headers']): CallsResponse | undefined;
}

/** The webhook's answer; error bodies use the app's one shape `{ error: { code, message } }`. */
export interface CallsResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** Why a bearer token was refused: string codes, logged and mapped to one 403. */
export type TokenRejection =
  | 'not_configured'
  | 'missing_authorization'
  | 'malformed_authorization'
  | 'malformed_token'
  | 'alg_not_allowed'
  | 'issuer_not_allowed'
  | 'audience_mismatch'
  | 'expired'
  | 'not_yet_valid'
  | 'tenant_missing'
  | 'tenant_not_allowed'
  | 'unknown_key'
  | 'bad_signature';

export type TokenCheck =
  { readonly ok: true; readonly tenantId: string } | { readonly ok: false; readonly reason: TokenRejection };

/** Checks the Authorization header of a notification POST; never reads the body. */
export interface TokenVerifier {
  verify(authorization: string | string[] | undefined): Promise<TokenCheck>;
  /**
   * What can be said at once, without any key or crypto: a header that is missing or malformed, or a
   * token already verified or refused (and remembered). Undefined when the token still needs `verify`.
   */
  recall(authorization: string | string[] | undefined): TokenCheck | undefined;
}

import type { CallInbox, InboundBatch } from '../types';
import { isLegacyIncomingCall } from './legacy-format';
import { parseNotifications } from './parse-notifications';
import { createRefusalLog, type RefusalLogOptions } from './refusal-log';
import type {
  CallsEdge,
  CallsRequest,
  CallsResponse,
  TokenRejection,
  TokenVerifier,
  WebhookLogger,
} from './types';

export interface CallsEdgeDeps {
  readonly verifier: TokenVerifier;
  /** Where verified batches go; it resolves once the batch is durably stored. */
  readonly inbox: CallInbox;
  readonly logger: WebhookLogger;
  readonly now?: () => number;
  /** How refusals are logged: the first few per reason one by one, then a periodic count. */
  readonly refusalLog?: RefusalLogOptions;
}

const REFUSED: Record<TokenRejection, string> = {
  not_configured: 'This deployment has no MicrosoftAppId, so it cannot accept calling notifications.',
  missing_authorization: 'A calling notification must carry "Authorization: Bearer <token>".',
  malformed_authorization: 'The Authorization header is not "Bearer <token>".',
  malformed_token: 'The bearer token is not a well-formed calling token.',
  alg_not_allowed: 'The bearer token must be signed with RS256.',
  issuer_not_allowed: 'The bearer token was not issued by the Microsoft calling service.',
  audience_mismatch: "The bearer token is not addressed to this bot's MicrosoftAppId.",
  expired: 'The bearer token has expired.',
  not_yet_valid: 'The bearer token is not valid yet.',
  tenant_missing: 'The bearer token names no tenant (tid).',
  tenant_not_allowed: "The bearer token's tenant is not in this deployment's TENANT_ALLOWLIST.",
  unknown_key: "The bearer token's signing key is not among the calling service's published keys.",
  bad_signature: "The bearer token's signature does not verify.",
};

// The 403 for each reason, serialised once: `early` answers a flood of known-bad tokens with these.
const REFUSED_EARLY = new Map(
  (Object.keys(REFUSED) as TokenRejection[]).map((reason): [TokenRejection, CallsResponse] => [
    reason,
    {
      status: 403,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(refusal(reason).body),
    },
  ]),
);

/**
 * POST /api/calls: verify the bearer token (before the body is read), parse the notifications, hand the
 * batch to the inbox and answer 202. It never calls Graph and runs no call logic: Graph wants a quick 2xx,
 * and the work happens after the acknowledgement. Its `early` part refuses, before routing, what the
 * headers alone already decide (a missing header, a token refused before): the same 403, logged the same.
 */
export function createCallsEdge(deps: CallsEdgeDeps): CallsEdge {
  const now = deps.now ?? Date.now;
  const log = deps.logger;
  const logRefusal = createRefusalLog(log, deps.refusalLog);
  const early = (headers: CallsRequest['headers']): CallsResponse | undefined => {
    const known = deps.verifier.recall(headers['authorization']);
    if (!known || known.ok) return undefined;
    logRefusal(known.reason);
    return REFUSED_EARLY.get(known.reason);
  };
  const edge = async (req: CallsRequest): Promise<CallsResponse> => {
    const check = await deps.verifier.verify(req.headers['authorization']);
    if (!check.ok) {
      logRefusal(check.reason);
      return refusal(check.reason);
    }
    // Malformed JSON (400) and oversize bodies (413) are the server's to answer; let them through.
    const body = await req.json();
    if (isLegacyIncomingCall(body)) {
      log.info(
        { tenantId: check.tenantId },
        'legacy-format incoming call; answering 204 so it is re-sent as Graph',
      );
      return { status: 204 };
    }
    const parsed = parseNotifications(body);
    if (!parsed.ok) {
      log.info({ tenantId: check.tenantId, failure: parsed.failure }, parsed.message);
      return error(400, 'bad_request', parsed.message);
    }
    const batch: InboundBatch = {
      tenantId: check.tenantId,
      receivedAt: now(),
      notifications: parsed.notifications,
    };
    try {
      await deps.inbox.accept(batch);
    } catch (err) {
      log.error({ err, tenantId: batch.tenantId }, 'calling notifications could not be stored');
      return {
        ...error(503, 'unavailable', 'The notifications could not be stored; send them again shortly.'),
        headers: { 'retry-after': '1' },
      };
    }
    // Every notification lands on its call's timeline; a line per request here is for debugging only
    // (at info it cost a webhook under load more than parsing the request did).
    log.debug(
      {
        tenantId: batch.tenantId,
        notifications: batch.notifications.map((n) => ({
          kind: n.kind,
          changeType: n.changeType,
          callId: n.callId,
          ...(n.operationId ? { operationId: n.operationId } : {}),
        })),
      },
      'calling notifications accepted',
    );
    return { status: 202 };
  };
  return Object.assign(edge, { early });
}

function refusal(reason: TokenRejection): CallsResponse {
  return error(403, 'forbidden', REFUSED[reason]);
}

function error(status: number, code: string, message: string): CallsResponse {
  return { status, body: { error: { code, message } } };
}

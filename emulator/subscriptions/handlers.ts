// POST, GET, PATCH and DELETE /subscriptions for call records and presence: the body checked against
// the CSDL and the rules above, the validation handshake against each endpoint, then the permission
// (Graph checks it after the handshake), and renewal within the same maximum lifetime.
import { actorOf, requirePermission } from '../access';
import type { CsdlModel } from '../csdl';
import { validateEntityBody } from '../csdl';
import { resolveUser } from '../directory';
import { GraphError, callerOf, jsonBody } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { invalidProperty, throwIssues } from '../odata';
import type { Directory } from '../people';
import { checkClientState, checkEndpoint, checkExpiration } from './checks';
import { validateEndpoint } from './handshake';
import type { SubscriptionRec } from './model';
import { subscriptionJson } from './model';
import { RULES, parseChangeTypes, parseResource } from './resources';
import type { SubscriptionService } from './service';

export interface SubscriptionRouteDeps {
  subscriptions: SubscriptionService;
  directory: Directory;
  csdl: CsdlModel;
  now: () => number;
  publicBase: () => string;
  /** Trusted for https endpoints besides the system roots (the emulator's CA). */
  ca?: string;
  validationTimeoutMs?: number;
}

const TLS_VERSIONS = ['v1_0', 'v1_1', 'v1_2', 'v1_3'];
const UPDATABLE = new Set(['expirationDateTime', 'notificationUrl']);

function answer(deps: SubscriptionRouteDeps, sub: SubscriptionRec, status: number): HttpResponse {
  return {
    status,
    body: {
      '@odata.context': `${deps.publicBase()}/v1.0/$metadata#subscriptions/$entity`,
      ...subscriptionJson(sub),
    },
  };
}

/** The caller's own subscription named by the path; 404 otherwise. */
function ownSubscription(deps: SubscriptionRouteDeps, ctx: RequestContext): SubscriptionRec {
  const actor = actorOf(ctx);
  const id = ctx.params.subscriptionId ?? '';
  const sub = deps.subscriptions.get(id);
  if (!sub || sub.applicationId.toLowerCase() !== actor.appId.toLowerCase())
    throw new GraphError(404, 'ResourceNotFound', `The subscription '${id}' was not found.`);
  return sub;
}

/** POST /subscriptions */
export async function createSubscription(
  deps: SubscriptionRouteDeps,
  ctx: RequestContext,
): Promise<HttpResponse> {
  const actor = actorOf(ctx);
  const body = jsonBody(ctx, false);
  throwIssues(
    validateEntityBody(deps.csdl, 'microsoft.graph.subscription', body, 'create', {
      allowedValues: { latestSupportedTlsVersion: TLS_VERSIONS },
    }),
  );
  if (body.includeResourceData === true)
    throw invalidProperty(
      'includeResourceData',
      'Notifications with resource data (includeResourceData) are not supported by this emulator.',
    );
  const resource = String(body.resource);
  const parsed = parseResource(resource);
  const rules = RULES[parsed.kind];
  const changeTypes = parseChangeTypes(String(body.changeType), resource, rules);
  const notificationUrl = checkEndpoint(body.notificationUrl, 'notificationUrl');
  const lifecycleNotificationUrl =
    body.lifecycleNotificationUrl === undefined || body.lifecycleNotificationUrl === null
      ? undefined
      : checkEndpoint(body.lifecycleNotificationUrl, 'lifecycleNotificationUrl');
  const clientState = checkClientState(body.clientState);
  const expiresAt = checkExpiration(body.expirationDateTime, deps.now(), rules.maxMinutes);
  if (parsed.kind === 'presence')
    parsed.userIds = parsed.userIds.map((id) => resolveUser(deps.directory, id).id);
  const handshake = { timeoutMs: deps.validationTimeoutMs, ca: deps.ca };
  await validateEndpoint(notificationUrl, handshake);
  if (lifecycleNotificationUrl && lifecycleNotificationUrl !== notificationUrl)
    await validateEndpoint(lifecycleNotificationUrl, handshake);
  requirePermission(actor, rules.needs, 'subscription');
  const caller = callerOf(ctx);
  const sub = deps.subscriptions.add({
    resource,
    parsed,
    changeTypes,
    notificationUrl,
    ...(lifecycleNotificationUrl ? { lifecycleNotificationUrl } : {}),
    ...(clientState !== undefined ? { clientState } : {}),
    expiresAt,
    applicationId: actor.appId,
    creatorId: caller.oid ?? actor.appId,
    tenantId: caller.tid,
    latestSupportedTlsVersion:
      typeof body.latestSupportedTlsVersion === 'string' ? body.latestSupportedTlsVersion : 'v1_2',
  });
  return answer(deps, sub, 201);
}

/** GET /subscriptions: the calling app's subscriptions. */
export function listSubscriptions(deps: SubscriptionRouteDeps, ctx: RequestContext): HttpResponse {
  const actor = actorOf(ctx);
  const value = deps.subscriptions
    .list()
    .filter((s) => s.applicationId.toLowerCase() === actor.appId.toLowerCase())
    .map(subscriptionJson);
  return {
    status: 200,
    body: { '@odata.context': `${deps.publicBase()}/v1.0/$metadata#subscriptions`, value },
  };
}

/** GET /subscriptions/{id} */
export function getSubscription(deps: SubscriptionRouteDeps, ctx: RequestContext): HttpResponse {
  return answer(deps, ownSubscription(deps, ctx), 200);
}

/** PATCH /subscriptions/{id} {"expirationDateTime"} (and/or a new notificationUrl, validated again). */
export async function updateSubscription(
  deps: SubscriptionRouteDeps,
  ctx: RequestContext,
): Promise<HttpResponse> {
  const sub = ownSubscription(deps, ctx);
  const body = jsonBody(ctx, false);
  throwIssues(validateEntityBody(deps.csdl, 'microsoft.graph.subscription', body, 'update'));
  const fixed = Object.keys(body).find((k) => !k.startsWith('@') && !UPDATABLE.has(k));
  if (fixed)
    throw invalidProperty(
      fixed,
      `'${fixed}' cannot be changed; only expirationDateTime and notificationUrl can be updated.`,
    );
  const rules = RULES[sub.parsed.kind];
  const expiresAt =
    body.expirationDateTime === undefined
      ? undefined
      : checkExpiration(body.expirationDateTime, deps.now(), rules.maxMinutes);
  let notificationUrl: string | undefined;
  if (body.notificationUrl !== undefined && body.notificationUrl !== sub.notificationUrl) {
    notificationUrl = checkEndpoint(body.notificationUrl, 'notificationUrl');
    await validateEndpoint(notificationUrl, { timeoutMs: deps.validationTimeoutMs, ca: deps.ca });
  }
  // The subscription may have expired while the handshake ran.
  if (!deps.subscriptions.get(sub.id))
    throw new GraphError(404, 'ResourceNotFound', `The subscription '${sub.id}' was not found.`);
  deps.subscriptions.renew(sub, {
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    ...(notificationUrl !== undefined ? { notificationUrl } : {}),
  });
  return answer(deps, sub, 200);
}

/** DELETE /subscriptions/{id} → 204 */
export function deleteSubscription(deps: SubscriptionRouteDeps, ctx: RequestContext): HttpResponse {
  deps.subscriptions.remove(ownSubscription(deps, ctx));
  return { status: 204 };
}

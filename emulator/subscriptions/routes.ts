// The subscription routes under /v1.0.
import type { HttpResponse, RequestContext, Route } from '../http';
import type { SubscriptionRouteDeps } from './handlers';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  updateSubscription,
} from './handlers';

type Action = (deps: SubscriptionRouteDeps, ctx: RequestContext) => HttpResponse | Promise<HttpResponse>;

const TABLE: [string, string, Action][] = [
  ['POST', '/v1.0/subscriptions', createSubscription],
  ['GET', '/v1.0/subscriptions', listSubscriptions],
  ['GET', '/v1.0/subscriptions/:subscriptionId', getSubscription],
  ['PATCH', '/v1.0/subscriptions/:subscriptionId', updateSubscription],
  ['DELETE', '/v1.0/subscriptions/:subscriptionId', deleteSubscription],
];

/** The /subscriptions routes (paths include the /v1.0 prefix). */
export function subscriptionRoutes(deps: SubscriptionRouteDeps): Route[] {
  return TABLE.map(([method, pattern, action]) => ({ method, pattern, handle: (ctx) => action(deps, ctx) }));
}

// Control API for subscriptions: every app's subscriptions with their expiry and recent deliveries.
import type { HttpResponse } from '../http';
import { subscriptionJson } from '../subscriptions';
import { controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

/** GET /emulator/subscriptions */
export function listSubscriptions(deps: ControlDeps): HttpResponse {
  if (!deps.subscriptions) throw controlNotFound('Subscriptions are not served by this emulator.');
  return ok({
    value: deps.subscriptions.list().map((s) => ({ ...subscriptionJson(s), deliveries: s.deliveries })),
  });
}

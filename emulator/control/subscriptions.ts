// Control API for subscriptions: every app's subscriptions with their expiry and recent deliveries, and
// lifecycle notices sent on demand (Graph removing a subscription early, or missing changes).
import type { HttpResponse, RequestContext } from '../http';
import { LIFECYCLE_EVENTS, subscriptionJson, type LifecycleEvent } from '../subscriptions';
import { controlBody, controlError, controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

/** GET /emulator/subscriptions */
export function listSubscriptions(deps: ControlDeps): HttpResponse {
  if (!deps.subscriptions) throw controlNotFound('Subscriptions are not served by this emulator.');
  return ok({
    value: deps.subscriptions.list().map((s) => ({ ...subscriptionJson(s), deliveries: s.deliveries })),
  });
}

/** POST /emulator/subscriptions/{id}/lifecycle `{"event":"subscriptionRemoved"}` */
export function sendLifecycle(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  if (!deps.subscriptions) throw controlNotFound('Subscriptions are not served by this emulator.');
  const id = ctx.params.subscriptionId ?? '';
  const sub = deps.subscriptions.get(id);
  if (!sub) throw controlNotFound(`No subscription ${id}. GET /emulator/subscriptions lists them.`);
  const event = controlBody(ctx).event;
  if (!LIFECYCLE_EVENTS.includes(event as LifecycleEvent))
    throw controlError(`"event" must be one of ${LIFECYCLE_EVENTS.join(', ')}.`);
  const json = subscriptionJson(sub);
  deps.subscriptions.tell(sub, event as LifecycleEvent);
  return ok({ ...json, lifecycleEvent: event, removed: event === 'subscriptionRemoved' });
}

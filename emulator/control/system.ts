// Control API for the emulator as a whole: tenant, faults, clock and reset.
import type { HttpResponse, RequestContext } from '../http';
import { controlBody, controlError, ok } from './body';
import type { ControlDeps } from './deps';

/** GET /emulator/tenant: the tenant as it stands (seed plus changes), with the emulator's URLs. */
export function getTenant(deps: ControlDeps): HttpResponse {
  const tenant = deps.svc.engine.directory.current();
  const base = deps.publicBase();
  return ok({
    ...tenant,
    urls: {
      publicUrl: base,
      token: `${base}/${tenant.tenantId}/oauth2/v2.0/token`,
      openIdConfiguration: `${base}/${tenant.tenantId}/v2.0/.well-known/openid-configuration`,
      callingOpenIdConfiguration: `${base}/calling/v1/.well-known/OpenIdConfiguration`,
      graph: `${base}/v1.0`,
    },
  });
}

/**
 * POST /emulator/faults {"graph":{"status":429,"count":2,"retryAfterSeconds":1}} and/or
 * {"notifications":{"drop":1,"duplicate":1,"reorder":1,"endpointDown":true}}.
 */
export function setFaults(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const body = controlBody(ctx);
  const graph = body.graph as Record<string, unknown> | undefined;
  if (graph !== undefined) {
    try {
      deps.graphFaults.set({
        status: Number(graph.status ?? 429),
        count: Number(graph.count ?? 1),
        retryAfterSeconds:
          graph.retryAfterSeconds === undefined ? undefined : Number(graph.retryAfterSeconds),
      });
    } catch (err) {
      throw controlError((err as Error).message);
    }
  }
  const n = body.notifications as Record<string, unknown> | undefined;
  if (n !== undefined) {
    const count = (k: string): number | undefined => {
      const v = n[k];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
        throw controlError(`"notifications.${k}" must be a whole number >= 0.`);
      return v;
    };
    if (n.endpointDown !== undefined && typeof n.endpointDown !== 'boolean')
      throw controlError('"notifications.endpointDown" must be true or false.');
    const faults = {
      drop: count('drop'),
      duplicate: count('duplicate'),
      reorder: count('reorder'),
      endpointDown: n.endpointDown as boolean | undefined,
    };
    deps.notificationFaults.setFaults(
      Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined)),
    );
  }
  if (graph === undefined && n === undefined)
    throw controlError('Send {"graph":{...}} and/or {"notifications":{...}}.');
  return getFaults(deps);
}

/** GET /emulator/faults */
export function getFaults(deps: ControlDeps): HttpResponse {
  return ok({
    graph: { remaining: deps.graphFaults.remaining() },
    notifications: deps.notificationFaults.getFaults(),
  });
}

/** POST /emulator/clock/advance {"minutes":46} (or "seconds", "ms"): fires every timer that falls due. */
export function advanceClock(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const body = controlBody(ctx);
  const ms =
    Number(body.ms ?? 0) +
    Number(body.seconds ?? 0) * 1000 +
    Number(body.minutes ?? 0) * 60_000 +
    Number(body.hours ?? 0) * 3_600_000;
  if (!Number.isFinite(ms) || ms <= 0)
    throw controlError('Advance by a positive amount: {"minutes":46}, {"seconds":30} or {"ms":500}.');
  deps.clock.advance(ms);
  return getClock(deps);
}

/** GET /emulator/clock */
export function getClock(deps: ControlDeps): HttpResponse {
  const now = deps.clock.now();
  return ok({ now: new Date(now).toISOString(), offsetMs: deps.clock.offsetMs() });
}

/**
 * POST /emulator/reset: drops calls, recordings, prompt audio, faults, clock offset, measured reactions and
 * every change to the tenant (generated people included).
 */
export function reset(deps: ControlDeps): HttpResponse {
  deps.svc.engine.clear();
  deps.svc.recordings.clear();
  deps.svc.promptAudio.clear();
  deps.svc.mediaPort.cache?.clear();
  deps.svc.engine.directory.reset();
  deps.graphFaults.clear();
  deps.notificationFaults.setFaults({ drop: 0, duplicate: 0, reorder: 0, endpointDown: false });
  deps.clock.reset();
  deps.reactions?.reset();
  deps.speech?.reset();
  deps.onReset?.();
  return ok({ reset: true });
}

// Control API for app registrations: register another app (a second bot to redirect calls to, say) or
// change an existing one. Tokens and notifications read the registrations afresh, so changes apply at
// once; a reset restores the seed's apps.
import type { HttpResponse, RequestContext } from '../http';
import { parseApp } from '../people';
import { controlBody, controlError, controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isWebhook = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\//.test(v);

/**
 * PUT /emulator/apps/{appId} {"displayName","secrets":[...],"graphRoles":[...],"callingWebhook"}:
 * registers the app (201) or replaces its registration (200).
 */
export function putApp(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const appId = ctx.params.appId ?? '';
  const parsed = parseApp({ graphRoles: [], ...controlBody(ctx), appId });
  if (!parsed.ok) throw controlError(`Invalid app registration: ${parsed.message}`);
  const { app } = parsed;
  if (app.secrets.length === 0)
    throw controlError('"secrets" needs at least one client secret, or the app cannot get a token.');
  if (app.callingWebhook !== undefined && !isWebhook(app.callingWebhook))
    throw controlError('"callingWebhook" must be an http(s) URL.');
  const { apps } = deps.svc.engine.directory.current();
  const index = apps.findIndex((a) => a.appId.toLowerCase() === appId.toLowerCase());
  if (index >= 0) apps[index] = app;
  else apps.push(app);
  return ok(app, index >= 0 ? 200 : 201);
}

/** PATCH /emulator/apps/{appId} {"graphRoles":[...], "callingWebhook":"..."}: new tokens carry the roles. */
export function patchApp(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const app = deps.svc.engine.directory.app(ctx.params.appId ?? '');
  if (!app) throw controlNotFound(`No app '${ctx.params.appId}' in the tenant.`);
  const body = controlBody(ctx);
  if (body.graphRoles !== undefined) {
    if (!strings(body.graphRoles)) throw controlError('"graphRoles" must be an array of strings.');
    app.graphRoles = body.graphRoles;
  }
  if (body.callingWebhook !== undefined) {
    if (!isWebhook(body.callingWebhook)) throw controlError('"callingWebhook" must be an http(s) URL.');
    app.callingWebhook = body.callingWebhook;
  }
  if (body.delegatedConsent !== undefined) {
    if (!strings(body.delegatedConsent))
      throw controlError('"delegatedConsent" must be an array of strings.');
    app.delegatedConsent = body.delegatedConsent;
  }
  return ok(app);
}

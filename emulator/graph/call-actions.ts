// Call-level actions: get, hang up (DELETE), answer, reject, keepAlive and reading an operation.
import { badRequest, callerOf, jsonBody, notFound, requireAnyRole } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { armKeepAlive, startAnswered } from './call-flows';
import { idKey } from './engine';
import type { Json } from './model';
import { redirectTaken } from './redirect-app';
import { END } from './result-codes';
import { callJson, operationJson } from './serialize';
import { liveCall } from './service';
import type { GraphService } from './service';
import { TERMINATE_MS } from './timing';
import { checkCallbackUri } from './validate';

const accepted = (): HttpResponse => ({ status: 202 });

/** GET /communications/calls/{id} */
export function getCall(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  return {
    status: 200,
    body: {
      '@odata.context': `${svc.engine.deps.publicBase()}/v1.0/$metadata#communications/calls/$entity`,
      ...callJson(call),
    },
  };
}

/** DELETE /communications/calls/{id}: 204, then terminating and terminated (200/5001). */
export function deleteCall(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  if (call.state === 'terminating' || call.hangingUp) return { status: 204 };
  call.hangingUp = true;
  svc.engine.later(call, TERMINATE_MS / 2, () => {
    if (call.state === 'incoming' || call.state === 'redirecting') {
      svc.engine.end(call, END.botHangUp, { kind: 'rejected' });
      return;
    }
    svc.engine.setState(call, 'terminating', { kind: 'terminating' });
    svc.engine.later(call, TERMINATE_MS, () => svc.engine.end(call, END.botHangUp));
  });
  return { status: 204 };
}

/** POST /communications/calls/{id}/answer */
export function answerCall(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  // Joining a group call or meeting by answering its invite needs the join permission (SPEC.md §3.3).
  if (call.kind !== 'p2p')
    requireAnyRole(callerOf(ctx), ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCallAsGuest.All']);
  const body = jsonBody(ctx, false);
  svc.validator.action('call', 'answer', body, {
    relaxRequired: ['callbackUri'],
    extraRequired: ['acceptedModalities'],
  });
  if (body.callbackUri !== undefined && body.callbackUri !== null)
    call.callbackUri = checkCallbackUri(body.callbackUri);
  if (call.state !== 'incoming' || call.decided)
    throw badRequest(
      `The call cannot be answered: it is ${call.decided ? 'already answered, rejected or redirected' : call.state}.`,
      'InvalidCallState',
    );
  call.decided = true;
  redirectTaken(call);
  call.mediaConfig = body.mediaConfig as Json;
  if (body.callOptions) call.callOptions = body.callOptions as Json;
  const modalities = body.acceptedModalities as string[];
  if (modalities.length > 0) call.requestedModalities = modalities;
  svc.engine.note(call, 'note', { event: 'answered-by-app' });
  startAnswered(svc.engine, call, svc.actions);
  return accepted();
}

/** POST /communications/calls/{id}/reject: 202, then a bare `deleted` notification. */
export function rejectCall(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const body = jsonBody(ctx, true);
  svc.validator.action('call', 'reject', body);
  if (body.callbackUri !== undefined && body.callbackUri !== null)
    call.callbackUri = checkCallbackUri(body.callbackUri);
  if (call.state !== 'incoming' || call.decided) {
    throw badRequest(
      `Only an incoming call can be rejected; this one is ${call.state} (use DELETE to hang up).`,
      'InvalidCallState',
    );
  }
  svc.engine.note(call, 'note', { event: 'rejected-by-app', reason: body.reason ?? 'none' });
  call.decided = true;
  svc.engine.later(call, TERMINATE_MS, () => svc.engine.end(call, END.botHangUp, { kind: 'rejected' }));
  return accepted();
}

/** POST /communications/calls/{id}/keepAlive: 200, and the 45-minute window starts again. */
export function keepAlive(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  if (ctx.rawBody.trim() !== '') svc.validator.action('call', 'keepAlive', jsonBody(ctx, true));
  armKeepAlive(svc.engine, call);
  svc.engine.note(call, 'note', { event: 'keepAlive' });
  return { status: 200 };
}

/** GET /communications/calls/{id}/operations/{opId} */
export function getOperation(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const wanted = idKey(ctx.params.operationId ?? '');
  const op = [...call.operations.values()].find((o) => idKey(o.id) === wanted);
  if (!op) throw notFound(`The operation '${ctx.params.operationId}' does not exist on this call.`);
  return {
    status: 200,
    body: {
      '@odata.context': `${svc.engine.deps.publicBase()}/v1.0/$metadata#microsoft.graph.${op.type}`,
      ...operationJson(op),
    },
  };
}

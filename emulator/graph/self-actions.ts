// The app's own participant: mute, unmute and updateRecordingStatus. Each returns its operation already
// completed; the roster then shows the change (group calls and meetings).
import { callerOf, jsonBody, requireAnyRole } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { touchParticipant } from './call-factory';
import { newOperation, operationResponse } from './operations';
import { OPERATION } from './result-codes';
import { liveCall } from './service';
import type { GraphService } from './service';
import { checkClientContext } from './validate';

function setSelfMute(svc: GraphService, ctx: RequestContext, muted: boolean): HttpResponse {
  const call = liveCall(svc, ctx);
  const action = muted ? 'mute' : 'unmute';
  const body = jsonBody(ctx, true);
  svc.validator.action('call', action, body);
  checkClientContext(body);
  const op = newOperation(
    svc.engine,
    call,
    muted ? 'muteParticipantOperation' : 'unmuteParticipantOperation',
    body.clientContext,
    'completed',
  );
  op.resultInfo = OPERATION.completed;
  const me = call.participants.get(call.myParticipantId);
  if (me && me.isMuted !== muted) {
    me.isMuted = muted;
    touchParticipant(call, me);
    svc.engine.later(call, 20, () => svc.engine.notifyWholeRoster(call));
  }
  return operationResponse(svc.engine, call, op);
}

/** POST .../mute */
export const muteSelf = (svc: GraphService, ctx: RequestContext): HttpResponse => setSelfMute(svc, ctx, true);

/** POST .../unmute */
export const unmuteSelf = (svc: GraphService, ctx: RequestContext): HttpResponse =>
  setSelfMute(svc, ctx, false);

/** POST .../updateRecordingStatus (policy-based recording): the app reports whether it records. */
export function updateRecordingStatus(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const caller = callerOf(ctx);
  requireAnyRole(caller, ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCallAsGuest.All']);
  requireAnyRole(caller, ['Calls.AccessMedia.All']);
  const body = jsonBody(ctx, false);
  svc.validator.action('call', 'updateRecordingStatus', body);
  checkClientContext(body);
  const op = newOperation(
    svc.engine,
    call,
    'updateRecordingStatusOperation',
    body.clientContext,
    'completed',
  );
  op.resultInfo = OPERATION.completed;
  const me = call.participants.get(call.myParticipantId);
  if (me) {
    me.recordingStatus = String(body.status);
    touchParticipant(call, me);
    svc.engine.later(call, 20, () => svc.engine.notifyWholeRoster(call));
  }
  svc.engine.note(call, 'note', { event: 'recording-status', status: body.status });
  return operationResponse(svc.engine, call, op);
}

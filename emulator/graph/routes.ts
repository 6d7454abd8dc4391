// The Graph routes of the call service, under /v1.0/communications/calls and the deprecated
// /v1.0/app/calls alias (which the service still answers).
import type { HttpResponse, RequestContext, Route } from '../http';
import { answerCall, deleteCall, getCall, getOperation, keepAlive, rejectCall } from './call-actions';
import { createCall } from './calls-create';
import { inviteParticipants } from './invite';
import {
  cancelMediaProcessing,
  playPrompt,
  recordResponse,
  sendDtmfTones,
  subscribeToTone,
} from './media-ops';
import {
  deleteParticipant,
  getParticipant,
  listParticipants,
  muteParticipant,
  startHoldMusic,
  stopHoldMusic,
} from './participants';
import { redirectCall } from './redirect';
import { muteSelf, unmuteSelf, updateRecordingStatus } from './self-actions';
import type { GraphService } from './service';
import { transferCall } from './transfer';

type Action = (svc: GraphService, ctx: RequestContext) => HttpResponse;

const CALL = ':callId';
const TABLE: [string, string, Action][] = [
  ['POST', '', createCall],
  ['GET', CALL, getCall],
  ['DELETE', CALL, deleteCall],
  ['POST', `${CALL}/answer`, answerCall],
  ['POST', `${CALL}/reject`, rejectCall],
  ['POST', `${CALL}/redirect`, redirectCall],
  ['POST', `${CALL}/transfer`, transferCall],
  ['POST', `${CALL}/keepAlive`, keepAlive],
  ['POST', `${CALL}/playPrompt`, playPrompt],
  ['POST', `${CALL}/recordResponse`, recordResponse],
  ['POST', `${CALL}/cancelMediaProcessing`, cancelMediaProcessing],
  ['POST', `${CALL}/subscribeToTone`, subscribeToTone],
  ['POST', `${CALL}/sendDtmfTones`, sendDtmfTones],
  ['POST', `${CALL}/mute`, muteSelf],
  ['POST', `${CALL}/unmute`, unmuteSelf],
  ['POST', `${CALL}/updateRecordingStatus`, updateRecordingStatus],
  ['GET', `${CALL}/operations/:operationId`, getOperation],
  ['GET', `${CALL}/participants`, listParticipants],
  ['POST', `${CALL}/participants/invite`, inviteParticipants],
  ['GET', `${CALL}/participants/:participantId`, getParticipant],
  ['DELETE', `${CALL}/participants/:participantId`, deleteParticipant],
  ['POST', `${CALL}/participants/:participantId/mute`, muteParticipant],
  ['POST', `${CALL}/participants/:participantId/startHoldMusic`, startHoldMusic],
  ['POST', `${CALL}/participants/:participantId/stopHoldMusic`, stopHoldMusic],
];

/** The Graph routes (paths include the /v1.0 prefix). */
export function graphRoutes(svc: GraphService): Route[] {
  const routes: Route[] = [];
  for (const prefix of ['/v1.0/communications/calls', '/v1.0/app/calls']) {
    for (const [method, suffix, action] of TABLE) {
      routes.push({
        method,
        pattern: suffix ? `${prefix}/${suffix}` : prefix,
        handle: (ctx) => action(svc, ctx),
      });
    }
  }
  return routes;
}

/** The route serving recordings (/media/recordings/{id}). */
export function mediaRoutes(svc: GraphService): Route[] {
  return [{ method: 'GET', pattern: '/media/recordings/:id', handle: (ctx) => svc.recordings.serve(ctx) }];
}

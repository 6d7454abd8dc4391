// IVR actions on a call: playPrompt, recordResponse, cancelMediaProcessing, subscribeToTone and
// sendDtmfTones. Prompts, recordings and tones need service-hosted media and an established call.
import { GraphError, jsonBody } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import type { CallRec } from './model';
import { isServiceHosted } from './model';
import { finishOperation, newOperation, operationResponse } from './operations';
import { promptResourceIds, promptUris } from './prompt-media';
import { OPERATION } from './result-codes';
import { liveCall } from './service';
import type { GraphService } from './service';
import { acceptsMedia } from './state-machine';
import { DTMF_TONE_MS } from './timing';
import { arrayOfLength, checkClientContext, intInRange, invalid } from './validate';

function requireMedia(call: CallRec, action: string, serviceHostedOnly: boolean): void {
  if (!acceptsMedia(call.state)) {
    throw new GraphError(
      400,
      'InvalidCallState',
      `${action} needs an established call; this one is ${call.state}.`,
    );
  }
  if (serviceHostedOnly && !isServiceHosted(call)) {
    throw new GraphError(
      400,
      'BadRequest',
      `${action} works only on calls with serviceHostedMediaConfig; this call hosts its own media.`,
    );
  }
}

/** POST .../playPrompt: 200 + running playPromptOperation; completes after the prompts' duration. */
export function playPrompt(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const body = jsonBody(ctx, false);
  svc.validator.action('call', 'playPrompt', body);
  checkClientContext(body);
  const prompts = arrayOfLength(body, 'prompts', 1, 20);
  const uris = promptUris(prompts);
  uris.forEach((u, i) => {
    if (u === '')
      throw invalid(
        `prompts[${i}].mediaInfo.uri`,
        `'prompts[${i}]' must be a mediaPrompt with mediaInfo.uri.`,
      );
  });
  requireMedia(call, 'playPrompt', true);
  const op = newOperation(svc.engine, call, 'playPromptOperation', body.clientContext);
  svc.media.playPrompt(call, op, uris, promptResourceIds(prompts));
  return operationResponse(svc.engine, call, op);
}

/** POST .../recordResponse: 200 + running recordOperation; completes with a recording of the person. */
export function recordResponse(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const body = jsonBody(ctx, true);
  svc.validator.action('call', 'recordResponse', body);
  checkClientContext(body);
  const prompts =
    body.prompts === undefined || body.prompts === null ? [] : arrayOfLength(body, 'prompts', 0, 1);
  const uris = promptUris(prompts);
  if (uris.includes(''))
    throw invalid('prompts[0].mediaInfo.uri', "'prompts[0]' must be a mediaPrompt with mediaInfo.uri.");
  const params = {
    promptUris: uris,
    promptResourceIds: promptResourceIds(prompts),
    playBeep: body.playBeep !== false,
    bargeIn: body.bargeInAllowed === true,
    initialSilenceMs: intInRange(body, 'initialSilenceTimeoutInSeconds', 1, 120, 5) * 1000,
    maxSilenceMs: intInRange(body, 'maxSilenceTimeoutInSeconds', 1, 120, 5) * 1000,
    maxDurationMs: intInRange(body, 'maxRecordDurationInSeconds', 1, 120, 5) * 1000,
    stopTones: Array.isArray(body.stopTones) ? (body.stopTones as string[]) : [],
  };
  requireMedia(call, 'recordResponse', true);
  const op = newOperation(svc.engine, call, 'recordOperation', body.clientContext, 'running', {
    recordingLocation: null,
    recordingAccessToken: null,
  });
  svc.media.record(call, op, params);
  return operationResponse(svc.engine, call, op);
}

/** POST .../cancelMediaProcessing: fails running and queued media operations with 400/8508. */
export function cancelMediaProcessing(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const body = jsonBody(ctx, true);
  svc.validator.action('call', 'cancelMediaProcessing', body);
  checkClientContext(body);
  const op = newOperation(
    svc.engine,
    call,
    'cancelMediaProcessingOperation',
    body.clientContext,
    'completed',
  );
  op.resultInfo = OPERATION.completed;
  const cancelled = svc.media.cancelAll(call);
  svc.engine.note(call, 'media', { event: 'cancel-all', cancelled: cancelled.map((o) => o.id) });
  return operationResponse(svc.engine, call, op);
}

/** POST .../subscribeToTone: returned completed; key presses then arrive as toneInfo. */
export function subscribeToTone(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const body = jsonBody(ctx, true);
  svc.validator.action('call', 'subscribeToTone', body);
  checkClientContext(body);
  requireMedia(call, 'subscribeToTone', true);
  call.toneSubscribed = true;
  const op = newOperation(svc.engine, call, 'subscribeToToneOperation', body.clientContext, 'completed');
  op.resultInfo = OPERATION.completed;
  return operationResponse(svc.engine, call, op);
}

/** POST .../sendDtmfTones: running; completes once every tone has been sent. */
export function sendDtmfTones(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const body = jsonBody(ctx, false);
  svc.validator.action('call', 'sendDtmfTones', body);
  checkClientContext(body);
  const tones = arrayOfLength(body, 'tones', 1, 64) as string[];
  const delay = intInRange(body, 'delayBetweenTonesMs', 0, 10_000, 0);
  requireMedia(call, 'sendDtmfTones', false);
  const op = newOperation(svc.engine, call, 'sendDtmfTonesOperation', body.clientContext);
  svc.engine.note(call, 'media', { operationId: op.id, event: 'dtmf-sent', tones });
  const totalMs =
    (tones.length * DTMF_TONE_MS + (tones.length - 1) * delay) / svc.engine.settings.promptSpeed;
  svc.engine.later(call, totalMs, () =>
    finishOperation(svc.engine, call, op, 'completed', OPERATION.completed, {
      completionReason: 'completedSuccessfully',
    }),
  );
  return operationResponse(svc.engine, call, op);
}

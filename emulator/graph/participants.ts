// Participants of a call: list, get, mute, remove, and hold music.
import { GraphError, jsonBody, notFound } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { touchParticipant } from './call-factory';
import type { CallRec, ParticipantRec } from './model';
import { finishOperation, newOperation, operationResponse } from './operations';
import { removeParticipant } from './person-events';
import { failPromptWork, loadPrompts, promptResourceIds, promptUris } from './prompt-media';
import type { PromptsResult } from './prompt-media';
import { OPERATION } from './result-codes';
import { participantJson } from './serialize';
import { liveCall } from './service';
import type { GraphService } from './service';
import { HOLD_MUSIC_MS } from './timing';
import { checkClientContext } from './validate';

function participantOf(call: CallRec, ctx: RequestContext): ParticipantRec {
  const id = ctx.params.participantId ?? '';
  const p =
    call.participants.get(id) ??
    [...call.participants.values()].find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!p) throw notFound(`The participant '${id}' is not in this call.`);
  return p;
}

/** GET .../participants */
export function listParticipants(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const base = svc.engine.deps.publicBase();
  return {
    status: 200,
    body: {
      '@odata.context': `${base}/v1.0/$metadata#communications/calls('${call.id}')/participants`,
      value: [...call.participants.values()].map(participantJson),
    },
  };
}

/** GET .../participants/{participantId} */
export function getParticipant(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const base = svc.engine.deps.publicBase();
  return {
    status: 200,
    body: {
      '@odata.context': `${base}/v1.0/$metadata#communications/calls('${call.id}')/participants/$entity`,
      ...participantJson(participantOf(call, ctx)),
    },
  };
}

/** POST .../participants/{id}/mute: server-mutes the participant (operation returned completed). */
export function muteParticipant(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const p = participantOf(call, ctx);
  const body = jsonBody(ctx, true);
  svc.validator.action('participant', 'mute', body);
  checkClientContext(body);
  const op = newOperation(svc.engine, call, 'muteParticipantOperation', body.clientContext, 'completed');
  op.resultInfo = OPERATION.completed;
  if (!p.isMuted) {
    p.isMuted = true;
    touchParticipant(call, p);
    svc.engine.note(call, 'note', { event: 'participant-muted', participantId: p.id });
    svc.engine.later(call, 20, () => svc.engine.notifyWholeRoster(call));
  }
  return operationResponse(svc.engine, call, op);
}

/** DELETE .../participants/{id}: 204; the participant is dropped from the call. */
export function deleteParticipant(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  const p = participantOf(call, ctx);
  if (p.isBot)
    throw new GraphError(
      400,
      'BadRequest',
      "The app's own participant cannot be removed; hang up the call (DELETE) instead.",
    );
  svc.engine.later(call, 20, () => removeParticipant(svc.engine, call, p));
  return { status: 204 };
}

function holdMusic(svc: GraphService, ctx: RequestContext, start: boolean): HttpResponse {
  const call = liveCall(svc, ctx);
  const p = participantOf(call, ctx);
  const body = jsonBody(ctx, true);
  svc.validator.action('participant', start ? 'startHoldMusic' : 'stopHoldMusic', body);
  checkClientContext(body);
  if (p.isBot)
    throw new GraphError(
      400,
      'BadRequest',
      "Hold music is played to another participant, not to the app's own.",
    );
  if (start) {
    const held = [...call.participants.values()].find((x) => x.onHold && x !== p);
    if (held)
      throw new GraphError(
        400,
        'BadRequest',
        `Only one participant can be on hold at a time; '${held.id}' already is.`,
      );
  }
  const op = newOperation(
    svc.engine,
    call,
    start ? 'startHoldMusicOperation' : 'stopHoldMusicOperation',
    body.clientContext,
  );
  const uris = start && body.customPrompt ? promptUris([body.customPrompt]) : [];
  const loading: Promise<PromptsResult> =
    uris.length > 0
      ? loadPrompts(svc.mediaPort, uris, {
          appId: call.appId,
          resourceIds: promptResourceIds([body.customPrompt]),
        })
      : Promise.resolve({ ok: true, totalMs: 0, prompts: [] });
  const held = (loaded: PromptsResult): void => {
    svc.engine.later(call, HOLD_MUSIC_MS, () => {
      if (!loaded.ok) {
        finishOperation(svc.engine, call, op, 'failed', loaded.result);
        return;
      }
      if (p.onHold !== start && call.participants.has(p.id)) {
        p.onHold = start;
        touchParticipant(call, p);
      }
      finishOperation(svc.engine, call, op, 'completed', OPERATION.completed);
      svc.engine.notifyWholeRoster(call);
    });
  };
  loading.then(held).catch(failPromptWork(svc.engine, call, op));
  return operationResponse(svc.engine, call, op, 202);
}

/** POST .../participants/{id}/startHoldMusic: 202 + running operation. */
export const startHoldMusic = (svc: GraphService, ctx: RequestContext): HttpResponse =>
  holdMusic(svc, ctx, true);

/** POST .../participants/{id}/stopHoldMusic: 202 + running operation. */
export const stopHoldMusic = (svc: GraphService, ctx: RequestContext): HttpResponse =>
  holdMusic(svc, ctx, false);

// Control API for calls: summaries, timelines, and the remote person's key presses and hang-up.
import type { RequestContext, HttpResponse } from '../http';
import type { CallRec } from '../graph';
import { callJson, participantJson } from '../graph';
import { keyPresses } from '../people';
import { controlBody, controlError, controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

/** A short description of a call for GET /emulator/calls. */
export function summarise(call: CallRec): Record<string, unknown> {
  return {
    id: call.id,
    appId: call.appId,
    direction: call.direction,
    kind: call.kind,
    state: call.state,
    remotePersonId: call.remotePersonId ?? null,
    pstn: call.pstn,
    meetingId: call.meetingId ?? null,
    callbackUri: call.callbackUri,
    participants: [...call.participants.values()].map((p) => ({
      id: p.id,
      personId: p.personId ?? null,
      isBot: p.isBot,
      isMuted: p.isMuted,
      onHold: p.onHold,
    })),
    operations: [...call.operations.values()].map((o) => ({ id: o.id, type: o.type, status: o.status })),
    resultInfo: call.resultInfo,
    createdAt: new Date(call.createdAt).toISOString(),
    endedAt: call.endedAt ? new Date(call.endedAt).toISOString() : null,
    lastKeepAliveAt: new Date(call.lastKeepAliveAt).toISOString(),
  };
}

export function callOf(deps: ControlDeps, ctx: RequestContext): CallRec {
  const call = deps.svc.engine.find(ctx.params.callId ?? '');
  if (!call) throw controlNotFound(`No call '${ctx.params.callId}' (live or recent).`);
  return call;
}

/** The person who acts: body.personId, else the P2P counterpart, else the only person in the roster. */
export function actorOf(call: CallRec, body: Record<string, unknown>): string {
  if (typeof body.personId === 'string') return body.personId;
  if (call.remotePersonId) return call.remotePersonId;
  const people = [...call.participants.values()].filter((p) => p.personId);
  if (people.length === 1 && people[0]?.personId) return people[0].personId;
  throw controlError('Say which person acts: {"personId": "..."} (the call has several people).');
}

export function listCalls(deps: ControlDeps): HttpResponse {
  return ok({ value: deps.svc.engine.list().map(summarise) });
}

export function getCall(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const call = callOf(deps, ctx);
  return ok({
    ...summarise(call),
    resource: callJson(call),
    roster: [...call.participants.values()].map(participantJson),
  });
}

export function timeline(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const call = callOf(deps, ctx);
  return ok({ callId: call.id, state: call.state, value: call.timeline });
}

/** POST /emulator/calls/{id}/keys {"tones":"12#"}: the person presses keys, one every 150 ms. */
export function pressKeys(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const call = callOf(deps, ctx);
  const body = controlBody(ctx);
  const tones = body.tones;
  if (typeof tones !== 'string' || !/^[0-9*#A-Da-d]+$/.test(tones))
    throw controlError('"tones" must be a string of keys: 0-9, *, #, A-D.');
  if (call.state === 'terminated') throw controlError('The call has ended.');
  const personId = actorOf(call, body);
  const { engine, actions } = deps.svc;
  for (const press of keyPresses(tones, 0))
    engine.later(call, press.atMs, () => actions.pressKey(call, personId, press.key));
  return ok({ callId: call.id, personId, tones }, 202);
}

/** POST /emulator/calls/{id}/hangup: the person hangs up (or leaves a group call). */
export function hangUp(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const call = callOf(deps, ctx);
  if (call.state === 'terminated') throw controlError('The call has ended.');
  const personId = actorOf(call, controlBody(ctx));
  deps.svc.actions.hangUp(call, personId);
  return ok({ callId: call.id, personId, state: call.state }, 202);
}

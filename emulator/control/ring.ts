// Control API for a ringing phone: the person answers or declines by hand (the softphone page), whatever
// their script would have done. With the script `onRing: "manual"` the phone rings until they do (or the
// ring times out).
import type { CallRec } from '../graph';
import { pickUp } from '../graph';
import { GraphError } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { controlBody, controlError, controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

function callOf(deps: ControlDeps, ctx: RequestContext): CallRec {
  const call = deps.svc.engine.find(ctx.params.callId ?? '');
  if (!call) throw controlNotFound(`No call '${ctx.params.callId}' (live or recent).`);
  return call;
}

/** The person who picks up: body.personId (id or UPN), else the only person the call rings. */
function ringingPerson(deps: ControlDeps, call: CallRec, body: Record<string, unknown>): string {
  if (typeof body.personId === 'string') {
    const person = deps.svc.engine.directory.person(body.personId);
    if (!person) throw controlNotFound(`No person '${body.personId}' in the tenant.`);
    return person.id;
  }
  const ringing = [...call.ringing];
  if (ringing.length === 1 && ringing[0]) return ringing[0];
  throw controlError(
    ringing.length === 0
      ? 'The call is not ringing anyone.'
      : 'Say which person picks up: {"personId": "..."} (the call rings several people).',
  );
}

function pick(deps: ControlDeps, ctx: RequestContext, how: 'answer' | 'decline'): HttpResponse {
  const call = callOf(deps, ctx);
  if (call.state === 'terminated') throw controlError('The call has ended.');
  const personId = ringingPerson(deps, call, controlBody(ctx));
  if (!pickUp(call, personId, how)) {
    throw new GraphError(
      409,
      'Conflict',
      `The phone of ${personId} is not ringing for this call (already answered, declined, busy or timed out).`,
    );
  }
  return ok({ callId: call.id, personId, [how === 'answer' ? 'answered' : 'declined']: true }, 202);
}

/** POST /emulator/calls/{id}/answer: the ringing person picks up. */
export const answerRing = (deps: ControlDeps, ctx: RequestContext): HttpResponse => pick(deps, ctx, 'answer');

/** POST /emulator/calls/{id}/decline: the ringing person declines (480 / 10134 for a P2P call). */
export const declineRing = (deps: ControlDeps, ctx: RequestContext): HttpResponse =>
  pick(deps, ctx, 'decline');

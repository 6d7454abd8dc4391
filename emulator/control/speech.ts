// Control API for speech: a person on a call says words (heard by the recording that listens), and
// faults of the speech service (an error status with Retry-After, a slow answer).
import type { HttpResponse, RequestContext } from '../http';
import { speechDurationMs } from '../people';
import { controlBody, controlError, controlNotFound, ok } from './body';
import { actorOf, callOf } from './calls';
import type { ControlDeps } from './deps';

/** POST /emulator/calls/{id}/say {"text":"...", "personId"?, "durationMs"?}: the person says the words. */
export function say(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const call = callOf(deps, ctx);
  const body = controlBody(ctx);
  const text = typeof body.text === 'string' ? body.text.trim() : '';
  if (text === '' || text.length > 500)
    throw controlError('"text" must be the words to say (1-500 characters).');
  const given = body.durationMs;
  if (given !== undefined && (typeof given !== 'number' || !Number.isInteger(given) || given < 1))
    throw controlError('"durationMs" must be a whole number of milliseconds >= 1.');
  if (call.state === 'terminated') throw controlError('The call has ended.');
  const personId = actorOf(call, body);
  const durationMs = typeof given === 'number' ? given : speechDurationMs(text);
  const heard = deps.svc.media.say(call, { durationMs, text });
  deps.svc.engine.note(call, 'person', { personId, event: 'said', text, durationMs, heard });
  return ok({ callId: call.id, personId, durationMs, heard }, 202);
}

function speechOf(deps: ControlDeps) {
  if (!deps.speech) throw controlNotFound('This emulator serves no speech service.');
  return deps.speech;
}

/** GET /emulator/speech: recognition requests so far and the pending fault. */
export function getSpeech(deps: ControlDeps): HttpResponse {
  return ok(speechOf(deps).state());
}

/** POST /emulator/speech/faults {"status":429,"retryAfterSeconds":1,"count":1} or {"delayMs":8000}. */
export function setSpeechFaults(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const speech = speechOf(deps);
  const body = controlBody(ctx);
  const num = (k: string, min: number): number | undefined => {
    const v = body[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
      throw controlError(`"${k}" must be a whole number >= ${min}.`);
    return v;
  };
  const status = num('status', 400);
  if (status !== undefined && ![400, 401, 403, 429, 500, 503].includes(status))
    throw controlError('"status" must be 400, 401, 403, 429, 500 or 503.');
  const delayMs = num('delayMs', 1);
  if (status === undefined && delayMs === undefined && body.count !== 0)
    throw controlError(
      'Send {"status":429,"retryAfterSeconds":1,"count":1}, {"delayMs":8000} or {"count":0} to clear.',
    );
  const retryAfterSeconds = num('retryAfterSeconds', 0);
  speech.setFault({
    count: num('count', 0) ?? 1,
    ...(status === undefined ? {} : { status }),
    ...(delayMs === undefined ? {} : { delayMs }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
  return ok(speech.state());
}

// POST /communications/calls/{id}/transfer: blind (the target's script decides) or consultative
// (transferTarget.replacesCallId names the app's established call with the target). Success ends the
// app's leg with 0/7015; failure brings the call back to established with 500/7000 (500/7700).
import { badRequest, callerOf, jsonBody, requireAnyRole } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import type { Person } from '../people';
import { targetPerson, identityOf } from './create-scenario';
import type { CallEngine } from './engine';
import type { CallRec, Json, ParticipantRec } from './model';
import { removeParticipant } from './person-events';
import { END, OPERATION } from './result-codes';
import { ringPerson } from './ringing';
import { liveCall } from './service';
import type { GraphService } from './service';
import { ESTABLISH_MS, FIRST_NOTIFICATION_MS, NOT_FOUND_MS, TERMINATE_MS } from './timing';
import { invalid } from './validate';

function transfereeOf(call: CallRec, body: Json): ParticipantRec | undefined {
  const t = body.transferee as Json | undefined;
  if (!t) return undefined;
  const pid = t.participantId ?? t.id;
  if (typeof pid === 'string') return call.participants.get(pid);
  const who = identityOf(t);
  return [...call.participants.values()].find(
    (p) => who !== undefined && identityOf(p.info)?.id.toLowerCase() === who.id.toLowerCase(),
  );
}

function fail(engine: CallEngine, call: CallRec, consultative: boolean): void {
  call.resultInfo = consultative ? OPERATION.consultativeTransferFailed : OPERATION.transferFailed;
  engine.setState(call, 'established', { kind: 'transferFailed' });
  call.resultInfo = null;
}

function succeed(
  engine: CallEngine,
  call: CallRec,
  transferee: ParticipantRec | undefined,
  replaced: CallRec | undefined,
): void {
  if (call.kind !== 'p2p' && transferee) {
    // In a group call only the transferee leaves; the app's leg stays.
    removeParticipant(engine, call, transferee);
    if (call.state === 'transferring') engine.setState(call, 'established', { kind: 'established' });
    return;
  }
  engine.setState(call, 'transferAccepted', { kind: 'transferAccepted' });
  engine.later(call, TERMINATE_MS, () => {
    if (replaced) call.terminationReason = 'AppTransferred';
    engine.end(call, END.transferred, { kind: 'transferCompleted' });
    if (replaced) engine.end(replaced, END.replacedByTransfer);
  });
}

/** Handles transfer. */
export function transferCall(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  requireAnyRole(callerOf(ctx), ['Calls.Initiate.All']);
  const body = jsonBody(ctx, false);
  svc.validator.action('call', 'transfer', body);
  if (call.state !== 'established')
    throw badRequest(
      `Only an established call can be transferred; this one is ${call.state}.`,
      'InvalidCallState',
    );
  const targetJson = body.transferTarget as Json;
  let target: { person: Person | undefined; pstn: boolean };
  try {
    target = targetPerson(svc.engine.directory, targetJson, 0, call.applicationInstanceId !== undefined);
  } catch (err) {
    throw err instanceof Error
      ? invalid('transferTarget.identity', err.message.replace(/targets\[0\]/g, 'transferTarget'))
      : err;
  }
  const transferee = transfereeOf(call, body);
  if (call.kind !== 'p2p' && !transferee) {
    throw invalid(
      'transferee',
      "Transferring out of a group call needs 'transferee' naming a participant of the call (participantId).",
    );
  }
  const replacesCallId =
    typeof targetJson.replacesCallId === 'string' ? targetJson.replacesCallId : undefined;
  const { engine } = svc;
  engine.note(call, 'note', {
    event: 'transfer',
    target: target.person?.id ?? null,
    replacesCallId: replacesCallId ?? null,
  });
  engine.later(call, FIRST_NOTIFICATION_MS, () => {
    engine.setState(call, 'transferring', { kind: 'transferring' });
    if (replacesCallId) {
      const other = engine.find(replacesCallId);
      const ok =
        other !== undefined &&
        other !== call &&
        other.appId === call.appId &&
        other.state === 'established' &&
        target.person !== undefined &&
        other.remotePersonId === target.person.id;
      engine.later(call, ESTABLISH_MS, () =>
        ok ? succeed(engine, call, transferee, other) : fail(engine, call, true),
      );
      return;
    }
    const person = target.person;
    if (!person) {
      engine.later(call, NOT_FOUND_MS, () => fail(engine, call, false));
      return;
    }
    ringPerson(engine, call, person, engine.settings.ringTimeoutMs, {
      onAnswer: () => succeed(engine, call, transferee, undefined),
      onFail: () => fail(engine, call, false),
    });
  });
  return { status: 202 };
}

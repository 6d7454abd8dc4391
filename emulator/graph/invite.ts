// POST .../participants/invite: rings each invitee (their script decides) or, with replacesCallId,
// moves the invitee over from their current call, which then ends (of such a request only the first
// participant is read, as the service does). The operation completes once every invitee has joined or
// failed; the roster update follows it.
import { GraphError, badRequest, callerOf, jsonBody, requireAnyRole } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import type { Person } from '../people';
import { connectPerson } from './call-flows';
import { identityOf, targetPerson } from './create-scenario';
import type { CallRec, Json, ResultInfo } from './model';
import { finishOperation, newOperation, operationResponse } from './operations';
import { END, OPERATION, ringFailure } from './result-codes';
import { ringPerson } from './ringing';
import { liveCall } from './service';
import type { GraphService } from './service';
import { ESTABLISH_MS, NOT_FOUND_MS } from './timing';
import { arrayOfLength, checkClientContext, invalid } from './validate';

function resolveInvitee(svc: GraphService, call: CallRec, invitee: unknown, i: number): Person | undefined {
  const allowPhone = call.direction === 'outgoing' || call.applicationInstanceId !== undefined;
  try {
    return targetPerson(svc.engine.directory, invitee, i, allowPhone).person;
  } catch (err) {
    if (err instanceof GraphError)
      throw invalid(`participants[${i}].identity`, err.message.replace(/targets\[/g, 'participants['));
    throw err;
  }
}

/** Handles invite. */
export function inviteParticipants(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  requireAnyRole(callerOf(ctx), ['Calls.InitiateGroupCall.All']);
  const body = jsonBody(ctx, false);
  svc.validator.action('participants', 'invite', body);
  checkClientContext(body);
  const listed = arrayOfLength(body, 'participants', 1, 5) as Json[];
  // With replacesCallId the service reads the first participant only and ignores the rest.
  const replacing = listed.some((p) => typeof p.replacesCallId === 'string');
  const invitees = replacing ? listed.slice(0, 1) : listed;
  if (invitees.length > 1 && !call.chatInfo)
    throw invalid(
      'participants',
      'Inviting several participants at once needs a call with chatInfo (a meeting); invite them one by one.',
    );
  if (call.state !== 'established')
    throw badRequest(
      `Participants can be invited into an established call; this one is ${call.state}.`,
      'InvalidCallState',
    );
  const people = invitees.map((inv, i) => resolveInvitee(svc, call, inv, i));
  const { engine } = svc;
  if (listed.length > invitees.length) {
    engine.note(call, 'note', {
      event: 'invite-participants-ignored',
      reason: 'replacesCallId: only the first participant is read',
      ignored: listed.slice(invitees.length).map((p) => identityOf(p)?.id ?? null),
    });
  }
  if (call.kind === 'p2p') {
    // Inviting a third person turns the P2P call into a group call; roster notifications start.
    call.kind = 'group';
    engine.note(call, 'note', { event: 'escalated-to-group' });
  }
  // The service echoes the invitees, with the display names it resolved.
  const echo = invitees.map((p, i) => {
    const copy = structuredClone(p) as Json & { identity?: { user?: Json } };
    const u = copy.identity?.user;
    const person = people[i];
    if (u && person && u.displayName === undefined) u.displayName = person.displayName;
    return { '@odata.type': '#microsoft.graph.invitationParticipantInfo', ...copy };
  });
  const op = newOperation(engine, call, 'inviteParticipantsOperation', body.clientContext, 'running', {
    participants: echo,
  });
  let pending = people.length;
  let joined = 0;
  let failure: ResultInfo | undefined;
  const settle = (result: ResultInfo | undefined): void => {
    if (result) failure ??= result;
    else joined += 1;
    pending -= 1;
    if (pending > 0) return;
    if (failure) finishOperation(engine, call, op, 'failed', failure);
    else finishOperation(engine, call, op, 'completed', OPERATION.completed);
    if (joined > 0) engine.notifyWholeRoster(call);
  };
  invitees.forEach((inv, i) => {
    const person = people[i];
    const replacesCallId = typeof inv.replacesCallId === 'string' ? inv.replacesCallId : undefined;
    if (!person) {
      engine.later(call, NOT_FOUND_MS, () => settle(END.notFound));
      return;
    }
    if (replacesCallId) {
      const old = engine.find(replacesCallId);
      const inOld =
        old !== undefined &&
        old !== call &&
        old.state !== 'terminated' &&
        (old.remotePersonId === person.id ||
          [...old.participants.values()].some((p) => p.personId === person.id));
      engine.later(call, ESTABLISH_MS, () => {
        if (!inOld || !old) return settle(END.notFound);
        engine.note(call, 'person', { personId: person.id, event: 'moved-in', fromCallId: old.id });
        engine.end(old, END.replacedByInvite);
        connectPerson(engine, call, person, svc.actions);
        settle(undefined);
      });
      return;
    }
    ringPerson(engine, call, person, engine.settings.ringTimeoutMs, {
      onAnswer: () => {
        connectPerson(engine, call, person, svc.actions);
        settle(undefined);
      },
      onFail: (why) => settle(ringFailure(why)),
    });
  });
  return operationResponse(engine, call, op);
}

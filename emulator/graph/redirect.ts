// POST /communications/calls/{id}/redirect: the incoming call rings other people instead (all at once
// when there are several: the first to answer wins); the app's leg ends either way.
import { badRequest, jsonBody, requireAnyRole, callerOf } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import type { Person } from '../people';
import { personInfo } from './call-factory';
import { targetPerson } from './create-scenario';
import { END, ringFailure } from './result-codes';
import { ringPerson } from './ringing';
import type { RingFailure } from './ringing';
import { liveCall } from './service';
import type { GraphService } from './service';
import { NOT_FOUND_MS } from './timing';
import { arrayOfLength, checkCallbackUri, intInRange } from './validate';

type Failure = RingFailure | 'notFound';

/** The most telling failure among the targets decides the end code: declined, busy, no answer, not found. */
function overallFailure(failures: Failure[]): Failure {
  for (const kind of ['decline', 'busy', 'ignore'] as const) if (failures.includes(kind)) return kind;
  return 'notFound';
}

/** Handles redirect. */
export function redirectCall(svc: GraphService, ctx: RequestContext): HttpResponse {
  const call = liveCall(svc, ctx);
  requireAnyRole(callerOf(ctx), ['Calls.Initiate.All']);
  const body = jsonBody(ctx, false);
  svc.validator.action('call', 'redirect', body);
  const targets = arrayOfLength(body, 'targets', 1, 25);
  const timeoutSec = intInRange(body, 'timeout', 15, 90, targets.length > 1 ? 60 : 55);
  if (body.callbackUri !== undefined && body.callbackUri !== null)
    call.callbackUri = checkCallbackUri(body.callbackUri);
  if (call.state !== 'incoming' || call.decided) {
    throw badRequest(
      `Only an incoming call that has not been answered, rejected or redirected can be redirected; this one is ${call.state}.`,
      'InvalidCallState',
    );
  }
  const people = targets.map((t, i) =>
    targetPerson(svc.engine.directory, t, i, call.applicationInstanceId !== undefined),
  );
  call.decided = true;
  const { engine } = svc;
  engine.note(call, 'note', {
    event: 'redirect',
    targets: people.map((p) => p.person?.id ?? null),
    timeoutSec,
  });
  engine.setState(call, 'redirecting', { silent: true });
  const failures: Failure[] = [];
  const stops: (() => void)[] = [];
  let pending = people.length;
  const failOne = (why: Failure): void => {
    failures.push(why);
    pending -= 1;
    if (pending === 0) engine.end(call, ringFailure(overallFailure(failures)));
  };
  const win = (person: Person, pstn: boolean): void => {
    for (const stop of stops) stop();
    call.answeredBy = personInfo(person, call.tenantId, pstn);
    engine.end(call, END.redirected);
  };
  for (const { person, pstn } of people) {
    if (!person) {
      engine.later(call, NOT_FOUND_MS, () => failOne('notFound'));
      continue;
    }
    stops.push(
      ringPerson(engine, call, person, timeoutSec * 1000, {
        onAnswer: () => win(person, pstn),
        onFail: failOne,
      }),
    );
  }
  return { status: 202 };
}

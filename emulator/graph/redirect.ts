// POST /communications/calls/{id}/redirect: the incoming call rings other people, or reaches other apps,
// instead (all at once when there are several: the first to answer wins); the app's leg ends either way.
import { badRequest, jsonBody, requireAnyRole, callerOf } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import type { AppRegistration, Directory, Person } from '../people';
import { botInfo, personInfo } from './call-factory';
import { identityOf, targetPerson } from './create-scenario';
import type { Json } from './model';
import { redirectTaken, ringApp } from './redirect-app';
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

type Target =
  | { kind: 'person'; person: Person | undefined; pstn: boolean }
  | { kind: 'app'; appId: string; app: AppRegistration | undefined };

function targetOf(directory: Directory, target: unknown, index: number, allowPhone: boolean): Target {
  const id = identityOf(target);
  if (id?.kind === 'application') return { kind: 'app', appId: id.id, app: directory.app(id.id) };
  return { kind: 'person', ...targetPerson(directory, target, index, allowPhone) };
}

const targetName = (t: Target): string | null =>
  t.kind === 'app' ? `application:${t.appId}` : (t.person?.id ?? null);

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
  const resolved = targets.map((t, i) =>
    targetOf(svc.engine.directory, t, i, call.applicationInstanceId !== undefined),
  );
  call.decided = true;
  // A redirect of a call that was itself redirected here hands it on: the first redirect succeeded.
  redirectTaken(call);
  const { engine } = svc;
  // The callbackUri is kept on the note so a test can see what the app sent (null: none was sent).
  const callbackUri = typeof body.callbackUri === 'string' ? body.callbackUri : null;
  engine.note(call, 'note', {
    event: 'redirect',
    targets: resolved.map(targetName),
    timeoutSec,
    callbackUri,
  });
  engine.setState(call, 'redirecting', { silent: true });
  const failures: Failure[] = [];
  const stops: (() => void)[] = [];
  let pending = resolved.length;
  const failOne = (why: Failure): void => {
    failures.push(why);
    pending -= 1;
    if (pending === 0) engine.end(call, ringFailure(overallFailure(failures)));
  };
  const win = (answeredBy: Json): void => {
    for (const stop of stops) stop();
    call.answeredBy = answeredBy;
    engine.end(call, END.redirected);
  };
  for (const target of resolved) {
    if (target.kind === 'app') {
      const { app } = target;
      if (!app?.callingWebhook) {
        // Graph has nowhere to deliver the call (no such app in the tenant, or no calling webhook
        // registered for it): the closest documented end code is the unknown user's, 480/10037 "no
        // callee endpoints found" (SPEC.md §2.3), rather than a busy or declined target.
        engine.note(call, 'note', { event: 'redirect-target-unreachable', appId: target.appId });
        engine.later(call, NOT_FOUND_MS, () => failOne('notFound'));
        continue;
      }
      stops.push(
        ringApp(svc, call, app, app.callingWebhook, timeoutSec * 1000, {
          onAnswer: () => win(botInfo(app)),
          onFail: failOne,
        }),
      );
      continue;
    }
    const { person, pstn } = target;
    if (!person) {
      engine.later(call, NOT_FOUND_MS, () => failOne('notFound'));
      continue;
    }
    stops.push(
      ringPerson(engine, call, person, timeoutSec * 1000, {
        onAnswer: () => win(personInfo(person, call.tenantId, pstn)),
        onFail: failOne,
      }),
    );
  }
  return { status: 202 };
}

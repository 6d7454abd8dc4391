// A redirect whose target is another app (the redirect documentation's first example forwards a call to
// another bot): the caller's call reaches that app's calling webhook as a new incoming call, signed for
// that app, and the redirect waits for the app to decide as it waits for a person to pick up.
import type { AppRegistration } from '../people';
import type { CallEngine } from './engine';
import { startIncoming } from './incoming';
import type { CallRec, ResultInfo } from './model';
import { END } from './result-codes';
import type { RingFailure } from './ringing';
import type { GraphService } from './service';
import { FIRST_NOTIFICATION_MS } from './timing';

export interface AppRingHandlers {
  onAnswer: () => void;
  onFail: (why: RingFailure) => void;
}

/** The redirects waiting on a new incoming call, by that call: told when its app takes it. */
const waiting = new WeakMap<CallRec, () => void>();

/** The app answered (or redirected on) a call that a redirect delivered to it: the redirect succeeded. */
export function redirectTaken(leg: CallRec): void {
  const taken = waiting.get(leg);
  waiting.delete(leg);
  taken?.();
}

/** What the end of an undecided delivered call means for the redirect. */
function failureOf(result: ResultInfo): RingFailure | 'callerLeft' {
  if (result.subcode === END.callerGaveUp.subcode) return 'callerLeft';
  // A reject (or a hang-up before answering) ends the new call 200/5001: the target turned it down.
  if (result.subcode === END.botHangUp.subcode) return 'decline';
  return 'ignore';
}

/** The person who placed the call being redirected. */
function callerOf(engine: CallEngine, call: CallRec) {
  const id =
    call.remotePersonId ?? [...call.participants.values()].find((p) => !p.isBot && p.personId)?.personId;
  return id ? engine.directory.person(id) : undefined;
}

/**
 * Delivers `from`'s caller to `app` (at its calling `webhook`) as a new incoming call and reports the app's decision; returns a
 * function that withdraws the call (another target took it, or `from` ended).
 */
export function ringApp(
  svc: GraphService,
  from: CallRec,
  app: AppRegistration,
  webhook: string,
  timeoutMs: number,
  handlers: AppRingHandlers,
): () => void {
  const { engine } = svc;
  const person = callerOf(engine, from);
  const meeting = from.meetingId
    ? engine.directory.current().meetings.find((m) => m.id === from.meetingId)
    : undefined;
  if (!person) {
    engine.later(from, FIRST_NOTIFICATION_MS, () => handlers.onFail('ignore'));
    return () => undefined;
  }
  const leg = startIncoming(svc, {
    person,
    app,
    webhook,
    pstn: from.pstn,
    meeting,
    redirectedFrom: from.id,
  });
  engine.note(from, 'note', { event: 'redirect-delivered', appId: app.appId, callId: leg.id });
  let settled = false;
  const settle = (): boolean => {
    if (settled) return false;
    settled = true;
    waiting.delete(leg);
    engine.cancel(from, timeout);
    from.cleanups.delete(stop);
    return true;
  };
  const stop = (): void => {
    if (!settle()) return;
    // The caller is no longer there for the app: its undecided call ends as if they had hung up.
    if (leg.state === 'incoming' && !leg.decided)
      engine.later(leg, FIRST_NOTIFICATION_MS, () => engine.end(leg, END.callerGaveUp));
  };
  waiting.set(leg, () => {
    if (settle()) handlers.onAnswer();
  });
  // Ending without a decision (timeout, reject, the caller hanging up) is told once the end is done.
  leg.cleanups.add(() => {
    const result = leg.resultInfo;
    if (!result || !settle()) return;
    const why = failureOf(result);
    engine.later(from, 0, () => {
      if (why === 'callerLeft') engine.end(from, END.callerGaveUp);
      else handlers.onFail(why);
    });
  });
  const timeout = engine.later(from, timeoutMs, () => {
    stop();
    handlers.onFail('ignore');
  });
  from.cleanups.add(stop);
  return stop;
}

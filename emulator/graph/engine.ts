// The call engine's core: the live and recent calls, state changes with their notifications (in the
// documented order), timers that die with their call, and each call's timeline.
import type { Clock, ClockTimer } from '../clock';
import type { Directory } from '../people';
import type { EngineDeps, EngineSettings } from './engine-types';
import { newId } from './id-style';
import { callNotification, commsEnvelope, operationNotification, participantsNotification } from '../notify';
import type { CallNotificationKind } from '../notify';
import type {
  CallRec,
  CallState,
  Json,
  OperationRec,
  ParticipantRec,
  ResultInfo,
  TimelineEntry,
} from './model';
import { callResourceData, operationJson, participantJson } from './serialize';
import { canTransition, changeTypeFor } from './state-machine';
import { involves, summarise } from './timeline';

/** Ended calls kept for the control API's summaries and timelines. */
const RECENT_LIMIT = 200;

/** Normalises a call or operation id for lookups: documented examples spell them both ways. */
export const idKey = (id: string): string => id.replace(/-/g, '').toLowerCase();

/** Holds every call and performs the transitions all flows share. */
export class CallEngine {
  readonly calls = new Map<string, CallRec>();
  private readonly watchers = new Set<(call: CallRec, entry: TimelineEntry) => void>();
  /** Numbers every notification, so that its delivery steps on the timeline can name it. */
  private notificationSeq = 0;

  constructor(readonly deps: EngineDeps) {}

  get clock(): Clock {
    return this.deps.clock;
  }

  get directory(): Directory {
    return this.deps.directory;
  }

  get settings(): EngineSettings {
    return this.deps.settings;
  }

  /** A new call or operation id, spelled as the settings say. */
  newId(): string {
    return newId(this.settings.idStyle);
  }

  /** Registers a new call record built by a flow. */
  add(call: CallRec): CallRec {
    this.calls.set(idKey(call.id), call);
    this.trimRecent();
    return call;
  }

  find(id: string): CallRec | undefined {
    return this.calls.get(idKey(id));
  }

  /** Live calls first, then ended ones, newest first. */
  list(): CallRec[] {
    return [...this.calls.values()].sort(
      (a, b) =>
        Number(a.state === 'terminated') - Number(b.state === 'terminated') || b.createdAt - a.createdAt,
    );
  }

  /** True while the person is on, or being rung for, any live call (other than `except`). */
  isEngaged(personId: string, except?: CallRec): boolean {
    return [...this.calls.values()].some((call) => call !== except && involves(call, personId));
  }

  /** Appends to the call's timeline and tells the watchers (live pages). */
  note(call: CallRec, kind: TimelineEntry['kind'], detail: Record<string, unknown> = {}): void {
    const t = this.clock.now();
    const entry: TimelineEntry = { at: new Date(t).toISOString(), t, kind, ...detail };
    call.timeline.push(entry);
    for (const watcher of this.watchers) {
      try {
        watcher(call, entry);
      } catch (err) {
        this.deps.log(`call ${call.id}: timeline watcher failed`, err);
      }
    }
  }

  /** Calls fn with every new timeline entry of every call; returns the function that stops it. */
  watch(fn: (call: CallRec, entry: TimelineEntry) => void): () => void {
    this.watchers.add(fn);
    return () => {
      this.watchers.delete(fn);
    };
  }

  /** Runs fn after ms of emulated time unless the call has ended (or a reset dropped it) by then. */
  later(call: CallRec, ms: number, fn: () => void): ClockTimer {
    const timer = this.clock.setTimer(ms, () => {
      call.timers.delete(timer);
      // A cleanup run by clear() may start a timer on a call that clear() has already stopped.
      if (call.state === 'terminated' || this.find(call.id) !== call) return;
      try {
        fn();
      } catch (err) {
        this.deps.log(`call ${call.id}: timer failed`, err);
      }
    });
    call.timers.add(timer);
    return timer;
  }

  cancel(call: CallRec, timer: ClockTimer | undefined): void {
    if (!timer) return;
    this.clock.clearTimer(timer);
    call.timers.delete(timer);
  }

  /** Moves the call to a new state and, unless silent, announces it. */
  setState(
    call: CallRec,
    to: CallState,
    opts: { kind?: CallNotificationKind; silent?: boolean; url?: string } = {},
  ): void {
    if (!canTransition(call.state, to))
      throw new Error(`call ${call.id}: ${call.state} -> ${to} is not a valid transition`);
    const from = call.state;
    call.state = to;
    call.etag += 1;
    this.note(call, 'state', {
      from,
      to,
      ...(call.resultInfo && to !== 'established' ? { resultInfo: call.resultInfo } : {}),
    });
    if (!opts.silent) this.notifyCall(call, changeTypeFor(to), opts.kind, opts.url);
    else this.tell(this.deps.onCallChanged, call);
  }

  /** Runs an observer hook; an observer's failure never disturbs the call. */
  private tell(hook: ((call: CallRec) => void) | undefined, call: CallRec): void {
    if (!hook) return;
    try {
      hook(call);
    } catch (err) {
      this.deps.log(`call ${call.id}: observer failed`, err);
    }
  }

  /** Sends a call notification (the whole call; the notify shapes pick the documented fields). */
  notifyCall(
    call: CallRec,
    changeType: 'created' | 'updated' | 'deleted',
    kind?: CallNotificationKind,
    url?: string,
  ): void {
    const n = callNotification(changeType, callResourceData(call), kind ? { kind } : {});
    this.send(call, n, url);
  }

  notifyOperation(call: CallRec, op: OperationRec): void {
    const json = operationJson(op) as Json & { id: string; '@odata.type': string };
    this.send(call, operationNotification(call.id, json));
  }

  /** Roster notification; P2P calls get none (only call-state notifications are documented for them). */
  notifyRoster(
    call: CallRec,
    changeType: 'created' | 'updated' | 'deleted',
    participants: ParticipantRec[],
  ): void {
    if (call.kind === 'p2p' || participants.length === 0) return;
    this.send(call, participantsNotification(call.id, changeType, participants.map(participantJson)));
  }

  /** The full roster as an `updated` notification (after any join or change). */
  notifyWholeRoster(call: CallRec): void {
    this.notifyRoster(call, 'updated', [...call.participants.values()]);
  }

  private send(call: CallRec, notification: object, url = call.callbackUri): void {
    const seq = ++this.notificationSeq;
    this.note(call, 'notification', { seq, url, ...summarise(notification), body: notification });
    try {
      this.deps.deliver(url, commsEnvelope([notification as never]), {
        aud: call.appId,
        tid: call.tenantId,
        callId: call.id,
        seq,
      });
    } catch (err) {
      this.deps.log(`call ${call.id}: delivery could not start`, err);
    }
    this.tell(this.deps.onCallChanged, call);
  }

  /**
   * Ends a call: optionally `terminating` first (the app hung up), then `terminated` as a deleted
   * notification carrying resultInfo. Everything pending on the call is cancelled.
   */
  end(
    call: CallRec,
    result: ResultInfo,
    opts: { terminating?: boolean; kind?: CallNotificationKind; url?: string } = {},
  ): void {
    if (call.state === 'terminated') return;
    if (opts.terminating && call.state !== 'terminating' && canTransition(call.state, 'terminating')) {
      this.setState(call, 'terminating', { kind: 'terminating' });
    }
    call.resultInfo = result;
    this.stopActivity(call);
    call.endedAt = this.clock.now();
    this.setState(call, 'terminated', { kind: opts.kind, url: opts.url });
    this.tell(this.deps.onCallEnded, call);
  }

  /** Cancels every timer, ring and person activity of the call. */
  stopActivity(call: CallRec): void {
    for (const timer of call.timers) this.clock.clearTimer(timer);
    call.timers.clear();
    this.clock.clearTimer(call.keepAliveTimer);
    for (const cleanup of [...call.cleanups]) {
      try {
        cleanup();
      } catch (err) {
        this.deps.log(`call ${call.id}: cleanup failed`, err);
      }
    }
    call.cleanups.clear();
    call.ringing.clear();
  }

  /** Drops every call without notifications (control API reset). */
  clear(): void {
    for (const call of this.calls.values()) this.stopActivity(call);
    this.calls.clear();
  }

  private trimRecent(): void {
    const ended = [...this.calls.values()]
      .filter((c) => c.state === 'terminated')
      .sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
    for (const call of ended.slice(0, Math.max(0, ended.length - RECENT_LIMIT)))
      this.calls.delete(idKey(call.id));
  }
}

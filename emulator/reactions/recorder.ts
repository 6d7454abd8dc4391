// Reaction times as the emulator sees them: from the moment a notification goes out (its first POST,
// token signed) to the moment the Graph request that answers it arrives, per call and per app. Fed from
// the call timelines (notifications, delivery steps, the end) and from every Graph request on a call.
import { ANSWERS, actionOf, bodyKey, stimulusOf, type Stimulus } from './classify';

/** One measured reaction. */
export interface ReactionSample {
  callId: string;
  appId: string;
  stimulus: Stimulus;
  tone?: string;
  /** Emulator clock (epoch ms) when the notification went out. */
  sentAt: number;
  ms: number;
  action: string;
  status: number;
}

/** A stimulus no request answered: another came first (`superseded`) or the call ended. */
export interface MissedReaction {
  callId: string;
  appId: string;
  stimulus: Stimulus;
  tone?: string;
  sentAt: number;
  why: 'superseded' | 'call ended';
}

/** A key press acted on more than once: the same request (body without clientContext) twice after it. */
export interface DuplicateReaction {
  callId: string;
  appId: string;
  tone: string;
  sentAt: number;
  action: string;
  times: number;
}

interface Pending {
  kind: Stimulus;
  tone?: string;
  sentAt: number;
}

interface Track {
  appId: string;
  established: boolean;
  /** Stimuli by notification seq, until their first POST. */
  queued: Map<number, { kind: Stimulus; tone?: string }>;
  pending?: Pending;
  /** The requests after the latest key press, until the next one. */
  window?: {
    tone: string;
    sentAt: number;
    seen: Map<string, number>;
    cancelled?: boolean;
    /** The same request this many times is no duplicate: one per key whose reaction is still to come. */
    allowed: number;
    reported?: DuplicateReaction;
  };
}

/** The minimal view of a call the recorder needs. */
export interface CallRef {
  id: string;
  appId: string;
}

/** Entries kept at most (samples, misses and duplicates together); later ones are counted, not kept. */
export const RECORDER_LIMIT = 500_000;

/** Follows every call and keeps reaction samples until cleared. */
export class ReactionRecorder {
  private readonly tracks = new Map<string, Track>();
  readonly samples: ReactionSample[] = [];
  readonly missed: MissedReaction[] = [];
  readonly duplicates: DuplicateReaction[] = [];
  /** Entries not kept because of the limit. */
  overflow = 0;

  constructor(private readonly limit = RECORDER_LIMIT) {}

  /** A timeline entry of a call (as CallEngine.watch hands them over). */
  observe(call: CallRef, entry: { kind: string; t: number; [k: string]: unknown }): void {
    if (entry.kind === 'notification' && typeof entry.seq === 'number') {
      const s = stimulusOf(entry.body);
      const track = this.track(call);
      if (!s || (s.kind === 'established' && track.established)) return;
      if (s.kind === 'established') track.established = true;
      track.queued.set(entry.seq, s);
    } else if (entry.kind === 'delivery' && typeof entry.seq === 'number') {
      const track = this.tracks.get(call.id);
      const s = track?.queued.get(entry.seq);
      if (!track || !s) return;
      // A dropped notification never reached the app: there is nothing to react to.
      if (entry.event === 'dropped') track.queued.delete(entry.seq);
      if (entry.event !== 'sent') return;
      track.queued.delete(entry.seq);
      this.start(call, track, { ...s, sentAt: entry.t });
    } else if (entry.kind === 'state' && entry.to === 'terminated') {
      // A request that ends the call (a hang-up, a reject) reaches request() only after its handler
      // has ended the call: the call is forgotten once the current request is through.
      setImmediate(() => this.forget(call));
    }
  }

  /** A Graph request on a call, timed when it arrived. */
  request(
    call: CallRef,
    req: { method: string; path: string; at: number; status: number; rawBody: string },
  ): void {
    const action = actionOf(req.method, req.path);
    const track = this.tracks.get(call.id);
    if (!action || !track) return;
    const p = track.pending;
    if (p && ANSWERS[p.kind].includes(action)) {
      track.pending = undefined;
      this.keep(this.samples, {
        callId: call.id,
        appId: call.appId,
        stimulus: p.kind,
        ...(p.tone === undefined ? {} : { tone: p.tone }),
        sentAt: p.sentAt,
        ms: req.at - p.sentAt,
        action,
        status: req.status,
      });
    }
    const w = track.window;
    if (!w || !ANSWERS.tone.includes(action)) return;
    // A key that lands as a prompt starts (the welcome ending into the menu) interrupts it and plays it
    // again: what came before the first barge-in was not the key's doing. Cancels themselves are not
    // compared: an app may cancel its own prompt again on its way to the next one, and a second copy of
    // the key's handling shows in the prompt, recording or transfer it repeats.
    if (action === 'cancelMediaProcessing') {
      if (!w.cancelled) w.seen.clear();
      w.cancelled = true;
      return;
    }
    const key = `${action} ${bodyKey(req.rawBody)}`;
    const times = (w.seen.get(key) ?? 0) + 1;
    w.seen.set(key, times);
    if (times <= w.allowed) return;
    if (w.reported) w.reported.times = Math.max(w.reported.times, times);
    else {
      w.reported = { callId: call.id, appId: call.appId, tone: w.tone, sentAt: w.sentAt, action, times };
      this.keep(this.duplicates, w.reported);
    }
  }

  /** Forgets everything measured so far; calls in progress are followed on. */
  clear(): void {
    this.samples.length = 0;
    this.missed.length = 0;
    this.duplicates.length = 0;
    this.overflow = 0;
  }

  /** Forgets the calls too (after a reset dropped them). */
  reset(): void {
    this.clear();
    this.tracks.clear();
  }

  /** Stimuli still waiting for their reaction. */
  pending(): (Pending & CallRef)[] {
    return [...this.tracks.entries()].flatMap(([id, t]) =>
      t.pending ? [{ id, appId: t.appId, ...t.pending }] : [],
    );
  }

  private forget(call: CallRef): void {
    const track = this.tracks.get(call.id);
    if (track?.pending) this.miss(call, track.pending, 'call ended');
    this.tracks.delete(call.id);
  }

  private track(call: CallRef): Track {
    let t = this.tracks.get(call.id);
    if (!t) {
      t = { appId: call.appId, established: false, queued: new Map() };
      this.tracks.set(call.id, t);
    }
    return t;
  }

  private start(call: CallRef, track: Track, s: Pending): void {
    // A key still unanswered when the next arrives may be answered after it: a late app sends both
    // reactions (often the same prompt) in the new key's window.
    const carried = track.pending?.kind === 'tone' ? (track.window?.allowed ?? 1) : 0;
    if (track.pending) this.miss(call, track.pending, 'superseded');
    track.pending = s;
    if (s.kind === 'tone')
      track.window = { tone: s.tone ?? '', sentAt: s.sentAt, seen: new Map(), allowed: carried + 1 };
  }

  private miss(call: CallRef, p: Pending, why: MissedReaction['why']): void {
    this.keep(this.missed, {
      callId: call.id,
      appId: call.appId,
      stimulus: p.kind,
      ...(p.tone === undefined ? {} : { tone: p.tone }),
      sentAt: p.sentAt,
      why,
    });
  }

  private keep<T>(list: T[], item: T): void {
    if (this.samples.length + this.missed.length + this.duplicates.length >= this.limit) this.overflow += 1;
    else list.push(item);
  }
}

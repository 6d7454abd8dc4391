// Everyone's presence: their own state (kept on the person in the directory, so a reset restores the
// seed), the apps' presence sessions with their expiry timers on the emulator clock, and the call
// engine's view. Recomputed after every change; listeners hear each person whose presence changed.
import type { Clock, ClockTimer } from '../clock';
import type { Directory, Person } from '../people';
import type { CallActivity } from './aggregate';
import { effectivePresence } from './aggregate';
import type { PresenceState } from './states';

interface Session extends PresenceState {
  sessionId: string;
  expiresAt: number;
  timer: ClockTimer;
}

export interface PresenceDeps {
  clock: Clock;
  directory: Directory;
  /** The person's activity in the call engine right now. */
  callActivity: (personId: string) => CallActivity;
}

export type PresenceListener = (personId: string, presence: PresenceState) => void;

const NOT_SIGNED_IN: PresenceState = { availability: 'Offline', activity: 'Offline' };
const key = (id: string): string => id.toLowerCase();

/** Presence of the tenant's people. */
export class PresenceService {
  private readonly sessions = new Map<string, Map<string, Session>>();
  private readonly last = new Map<string, PresenceState>();
  private readonly listeners = new Set<PresenceListener>();

  constructor(private readonly deps: PresenceDeps) {
    this.snapshot();
  }

  /** Registers a listener for presence changes; returns the function that removes it. */
  onChange(listener: PresenceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The person's own state (seed, or what the control API set), Offline when they have none. */
  own(person: Person): PresenceState {
    return person.presence ? { ...person.presence } : { ...NOT_SIGNED_IN };
  }

  /** Sets the person's own state, as if chosen in the Teams client. */
  setOwn(person: Person, state: PresenceState): void {
    person.presence = { availability: state.availability, activity: state.activity };
    this.refresh(person.id);
  }

  /** The presence Graph reports for the person. */
  get(person: Person): PresenceState {
    const sessions = [...(this.sessions.get(key(person.id))?.values() ?? [])];
    return effectivePresence(this.own(person), sessions, this.deps.callActivity(person.id));
  }

  /** The app sessions open for the person, with their expiry times. */
  sessionsOf(
    personId: string,
  ): { sessionId: string; availability: string; activity: string; expiresAt: string }[] {
    return [...(this.sessions.get(key(personId))?.values() ?? [])].map((s) => ({
      sessionId: s.sessionId,
      availability: s.availability,
      activity: s.activity,
      expiresAt: new Date(s.expiresAt).toISOString(),
    }));
  }

  /** Opens or replaces an app's presence session; it ends by itself after `durationMs`. */
  setSession(person: Person, sessionId: string, state: PresenceState, durationMs: number): void {
    const mine = this.sessionMap(person.id);
    const old = mine.get(key(sessionId));
    if (old) this.deps.clock.clearTimer(old.timer);
    const timer = this.deps.clock.setTimer(durationMs, () => {
      if (mine.get(key(sessionId))?.timer !== timer) return;
      mine.delete(key(sessionId));
      this.refresh(person.id);
    });
    mine.set(key(sessionId), {
      sessionId,
      availability: state.availability,
      activity: state.activity,
      expiresAt: this.deps.clock.now() + durationMs,
      timer,
    });
    this.refresh(person.id);
  }

  /** Ends an app's presence session; false when it has none for the person. */
  clearSession(person: Person, sessionId: string): boolean {
    const mine = this.sessions.get(key(person.id));
    const session = mine?.get(key(sessionId));
    if (!mine || !session) return false;
    this.deps.clock.clearTimer(session.timer);
    mine.delete(key(sessionId));
    this.refresh(person.id);
    return true;
  }

  /** Recomputes one person (or everyone) and tells listeners about each change. */
  refresh(personId?: string): void {
    this.refreshPeople(personId === undefined ? this.deps.directory.current().people : [personId]);
  }

  /** Recomputes these people (ids or people) and tells listeners about each change. */
  refreshPeople(ids: Iterable<string | Person>): void {
    const people = [...ids].flatMap((id) => {
      const person = typeof id === 'string' ? this.deps.directory.person(id) : id;
      return person ? [person] : [];
    });
    for (const person of people) {
      const now = this.get(person);
      const before = this.last.get(key(person.id));
      this.last.set(key(person.id), now);
      if (before && before.availability === now.availability && before.activity === now.activity) continue;
      for (const listener of [...this.listeners]) listener(person.id, now);
    }
  }

  /** Drops every session and starts again from the directory as it stands (after a reset), silently. */
  reset(): void {
    for (const mine of this.sessions.values())
      for (const s of mine.values()) this.deps.clock.clearTimer(s.timer);
    this.sessions.clear();
    this.last.clear();
    this.snapshot();
  }

  private snapshot(): void {
    for (const person of this.deps.directory.current().people)
      this.last.set(key(person.id), this.get(person));
  }

  private sessionMap(personId: string): Map<string, Session> {
    let mine = this.sessions.get(key(personId));
    if (!mine) {
      mine = new Map();
      this.sessions.set(key(personId), mine);
    }
    return mine;
  }
}

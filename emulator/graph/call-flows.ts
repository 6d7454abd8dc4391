// The flows that follow an accepted create or answer: a P2P call rings its person, a group call rings
// every target, a meeting join shows who is already in the meeting, and a connected person follows
// their script.
import type { Person } from '../people';
import { addParticipant, personInfo } from './call-factory';
import type { CallEngine } from './engine';
import type { CallRec } from './model';
import { endIfAlone } from './person-events';
import { startPersonSession } from './person-session';
import type { PersonActions } from './person-session';
import { END, ringFailure } from './result-codes';
import { ringPerson } from './ringing';
import { ESTABLISH_MS, FIRST_NOTIFICATION_MS, KEEPALIVE_WINDOW_MS, NOT_FOUND_MS } from './timing';

/** Puts a person into the call's roster and starts their script. */
export function connectPerson(
  engine: CallEngine,
  call: CallRec,
  person: Person,
  actions: PersonActions,
): void {
  if (![...call.participants.values()].some((p) => p.personId === person.id)) {
    addParticipant(call, { info: personInfo(person, call.tenantId, call.pstn), personId: person.id });
  }
  startPersonSession(engine, call, person.id, actions);
}

/** Starts the 45-minute keepAlive clock (again, after a successful keepAlive). */
export function armKeepAlive(engine: CallEngine, call: CallRec): void {
  engine.clock.clearTimer(call.keepAliveTimer);
  call.lastKeepAliveAt = engine.clock.now();
  call.keepAliveTimer = engine.clock.setTimer(KEEPALIVE_WINDOW_MS, () => {
    if (call.state !== 'terminated') {
      engine.note(call, 'note', { event: 'keepAlive-timeout' });
      engine.end(call, END.keepAliveTimeout);
    }
  });
}

/** Outgoing P2P: establishing, then the person's script decides. `person` undefined = no such target. */
export function startP2P(
  engine: CallEngine,
  call: CallRec,
  person: Person | undefined,
  actions: PersonActions,
): void {
  armKeepAlive(engine, call);
  engine.later(call, FIRST_NOTIFICATION_MS, () => {
    engine.notifyCall(call, 'updated', 'establishing');
    if (!person) {
      engine.later(call, NOT_FOUND_MS, () => engine.end(call, END.notFound));
      return;
    }
    ringPerson(engine, call, person, engine.settings.ringTimeoutMs, {
      onAnswer: () => {
        connectPerson(engine, call, person, actions);
        engine.setState(call, 'established', { kind: 'established' });
      },
      onFail: (why) => engine.end(call, ringFailure(why)),
    });
  });
}

/** Ad-hoc group call: the app's leg is established at once; each target is rung and joins on answer. */
export function startGroup(
  engine: CallEngine,
  call: CallRec,
  targets: (Person | undefined)[],
  actions: PersonActions,
): void {
  armKeepAlive(engine, call);
  engine.later(call, FIRST_NOTIFICATION_MS, () => {
    engine.notifyCall(call, 'updated', 'establishing');
    engine.later(call, ESTABLISH_MS, () => {
      engine.setState(call, 'established', { kind: 'established' });
      engine.notifyWholeRoster(call);
      for (const person of targets) {
        if (!person) {
          engine.note(call, 'note', { event: 'target-not-found' });
          continue;
        }
        ringPerson(engine, call, person, engine.settings.ringTimeoutMs, {
          onAnswer: () => {
            connectPerson(engine, call, person, actions);
            engine.notifyWholeRoster(call);
          },
          onFail: () => endIfAlone(engine, call),
        });
      }
      endIfAlone(engine, call);
    });
  });
}

/** Meeting join: establishing, established, then the roster with the people already in the meeting. */
export function startMeetingJoin(engine: CallEngine, call: CallRec, attendees: Person[]): void {
  armKeepAlive(engine, call);
  engine.later(call, FIRST_NOTIFICATION_MS, () => {
    engine.notifyCall(call, 'updated', 'establishing');
    engine.later(call, ESTABLISH_MS, () => {
      engine.setState(call, 'established', { kind: 'established' });
      for (const person of attendees)
        addParticipant(call, { info: personInfo(person, call.tenantId, false), personId: person.id });
      engine.notifyWholeRoster(call);
    });
  });
}

/** After answer: establishing, then established, then the caller's script runs. */
export function startAnswered(engine: CallEngine, call: CallRec, actions: PersonActions): void {
  armKeepAlive(engine, call);
  engine.later(call, FIRST_NOTIFICATION_MS, () => {
    engine.setState(call, 'establishing', { kind: 'establishing' });
    engine.later(call, ESTABLISH_MS, () => {
      const caller = call.remotePersonId ? engine.directory.person(call.remotePersonId) : undefined;
      if (caller) connectPerson(engine, call, caller, actions);
      // Answering a meeting invite puts the app into the meeting: everyone already there shows up.
      const meeting = call.meetingId
        ? engine.directory.current().meetings.find((m) => m.id === call.meetingId)
        : undefined;
      for (const id of meeting?.attendeesInMeeting ?? []) {
        const person = engine.directory.person(id);
        if (person && ![...call.participants.values()].some((p) => p.personId === person.id)) {
          addParticipant(call, { info: personInfo(person, call.tenantId, false), personId: person.id });
        }
      }
      engine.setState(call, 'established', { kind: 'established' });
      if (call.kind !== 'p2p') engine.notifyWholeRoster(call);
    });
  });
}

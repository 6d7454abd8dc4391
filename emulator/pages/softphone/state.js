// The page's state and how server events change it; nothing here touches the DOM.

/** Statuses of a call that belong on the phone panel. */
export const LIVE = new Set(['ringing', 'calling', 'connected']);

export const state = {
  people: [],
  tenant: undefined,
  personId: new URLSearchParams(location.search).get('person') ?? undefined,
  person: undefined,
  promptSpeed: 1,
  /** id → { view, timeline } */
  calls: new Map(),
  /** The call on the phone panel, and the one whose timeline is shown. */
  phoneCallId: undefined,
  shownCallId: undefined,
  dialed: '',
  /** Browser time minus emulated time (the emulator's clock can be advanced). */
  skewMs: 0,
  closeEvents: undefined,
};

/** A person's name as the timeline says it: "You" for the chosen person. */
export const nameOf = (personId) =>
  personId === state.personId
    ? 'You'
    : (state.people.find((p) => p.id.toLowerCase() === String(personId).toLowerCase())?.displayName ??
      personId ??
      'Someone');

/** The emulator's time now, as the browser estimates it. */
export const emulatedNow = () => Date.now() - state.skewMs;

/** When the call connected (emulated time), or when it started while it has not. */
export function connectedAt(call) {
  const entry = call.timeline.find(
    (e) => (e.kind === 'state' && e.to === 'established') || (e.kind === 'person' && e.event === 'answered'),
  );
  return entry?.t ?? Date.parse(call.view.createdAt);
}

/** Forgets everything about the previous person. */
export function choosePerson(personId) {
  state.personId = personId;
  state.person = state.people.find((p) => p.id === personId);
  state.calls = new Map();
  state.phoneCallId = state.shownCallId = undefined;
  state.dialed = '';
}

/** Keeps the phone on the newest live call (or the live one it shows) and the timeline with it. */
function follow(callId) {
  const call = state.calls.get(callId);
  const current = state.calls.get(state.phoneCallId);
  const currentLive = current && LIVE.has(current.view.status);
  if (call && LIVE.has(call.view.status) && (!currentLive || current === call)) {
    if (state.phoneCallId !== callId) state.dialed = '';
    state.phoneCallId = callId;
    state.shownCallId = callId;
  }
}

/** The stream's first event (also after a reconnect): the person and their recent calls. */
export function applyHello(hello) {
  state.person = hello.person;
  state.promptSpeed = hello.promptSpeed ?? 1;
  state.calls = new Map(hello.calls.map((c) => [c.call.id, { view: c.call, timeline: c.timeline }]));
  const first = hello.calls[0]?.call;
  if (!state.calls.has(state.phoneCallId))
    state.phoneCallId = first && LIVE.has(first.status) ? first.id : undefined;
  if (!state.calls.has(state.shownCallId)) state.shownCallId = first?.id;
}

/** New timeline entries of a call, with its fresh view. */
export function applyCall(update) {
  const known = state.calls.get(update.call.id);
  if (known) {
    known.view = update.call;
    known.timeline.push(...update.entries);
  } else state.calls.set(update.call.id, { view: update.call, timeline: [...update.entries] });
  if (update.person) applyPerson(update.person);
  follow(update.call.id);
}

/** The person changed (presence, script, on a call). */
export function applyPerson(person) {
  if (person.id === state.personId) state.person = person;
  const listed = state.people.findIndex((p) => p.id === person.id);
  if (listed >= 0) state.people[listed] = person;
}

// The softphone page: be one of the emulated tenant's people. state.js holds what is known, render.js
// and selects.js draw it, api.js talks to the emulator's control API and its event stream.
import { control, openEvents } from './api.js';
import { buildKeypad } from './keypad.js';
import { renderMe, renderPeople, renderPhone, renderTimeline, renderTimer } from './render.js';
import { renderCallPicker, renderPresence, renderTargets } from './selects.js';
import { createSound } from './sound.js';
import {
  applyCall,
  applyHello,
  applyPerson,
  choosePerson,
  connectedAt,
  emulatedNow,
  nameOf,
  state,
} from './state.js';

const $ = (id) => document.getElementById(id);
const sound = createSound({ button: $('sound'), note: $('sound-note'), audio: $('prompt-audio') });

function toast(message) {
  const el = $('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (el.hidden = true), 6000);
}

/** Runs a control request, showing its error instead of throwing. */
async function act(fn) {
  try {
    return await fn();
  } catch (err) {
    toast(err.status === 404 ? `Not available in this emulator: ${err.message}` : err.message);
    return undefined;
  }
}

function render() {
  renderPeople(state.people, state.personId, pick);
  $('empty').hidden = Boolean(state.person);
  $('me').hidden = !state.person;
  if (!state.person) return;
  renderMe(state.person);
  renderPresence(state.person);
  $('on-ring').value = state.person.script?.onRing ?? 'answer';
  renderPhone(state.calls.get(state.phoneCallId), {
    now: emulatedNow,
    connectedAt,
    dialed: state.dialed,
    promptSpeed: state.promptSpeed,
  });
  renderCallPicker(state.calls, state.shownCallId);
  renderTimeline(state.calls.get(state.shownCallId), {
    showDeliveries: $('show-deliveries').checked,
    nameOf,
  });
}

function pick(personId) {
  if (personId === state.personId && state.closeEvents) return;
  state.closeEvents?.();
  sound.stop();
  choosePerson(personId);
  history.replaceState(null, '', `/softphone?person=${encodeURIComponent(personId)}`);
  render();
  const redraw = (apply) => (data) => {
    apply(data);
    render();
  };
  state.closeEvents = openEvents(personId, {
    onHello: redraw(applyHello),
    onCall: redraw((update) => {
      applyCall(update);
      // Only what happens now, on the call at hand, is heard; a reconnect's backlog is not replayed.
      if (update.call.id === state.phoneCallId) sound.hear(update.entries, state.promptSpeed);
    }),
    onPerson: redraw((data) => applyPerson(data.person)),
    onLink: (link) => {
      $('link').dataset.state = link;
      $('link').textContent = link === 'live' ? `Live · ${state.person?.displayName ?? ''}` : 'Reconnecting…';
    },
  });
}

/** Presence and "on a call" of everyone, and the emulator's clock (it can be advanced). */
async function refreshPeople() {
  const [people, emuClock] = await Promise.all([
    control('GET', '/emulator/people'),
    control('GET', '/emulator/clock'),
  ]);
  state.skewMs = Date.now() - Date.parse(emuClock.now);
  state.people = people.value;
  const me = state.people.find((p) => p.id === state.personId);
  if (me && state.person) state.person = { ...state.person, ...me };
  render();
}

function wire() {
  const personPath = () => `/emulator/people/${encodeURIComponent(state.personId)}`;
  const callPath = (what) => `/emulator/calls/${encodeURIComponent(state.phoneCallId)}/${what}`;
  const me = () => ({ personId: state.personId });
  $('answer').addEventListener('click', () => act(() => control('POST', callPath('answer'), me())));
  $('decline').addEventListener('click', () => act(() => control('POST', callPath('decline'), me())));
  $('hang-up').addEventListener('click', () => act(() => control('POST', callPath('hangup'), me())));
  $('call-app').addEventListener('click', () =>
    act(() => control('POST', `${personPath()}/call`, JSON.parse($('call-target').value))),
  );
  $('presence').addEventListener('change', async (ev) => {
    const [availability, activity] = ev.target.value.split('/');
    const done = await act(() => control('PUT', `${personPath()}/presence`, { availability, activity }));
    if (done) state.person = { ...state.person, own: done.own, presence: done.presence };
    render();
  });
  $('on-ring').addEventListener('change', async (ev) => {
    const script = { ...(state.person.script ?? {}), onRing: ev.target.value };
    const done = await act(() => control('PUT', `${personPath()}/script`, script));
    if (done) state.person = { ...state.person, script: done.script };
    render();
  });
  $('show-deliveries').addEventListener('change', render);
  $('call-pick').addEventListener('change', (ev) => {
    state.shownCallId = ev.target.value;
    render();
  });
  $('say-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = $('say-text').value.trim();
    if (!text) return;
    const done = await act(() => control('POST', callPath('say'), { text, ...me() }));
    if (done) $('say-text').value = '';
  });
  buildKeypad($('keypad'), (key) => {
    state.dialed = (state.dialed + key).slice(-24);
    render();
    void act(() => control('POST', callPath('keys'), { tones: key, ...me() }));
  });
}

async function start() {
  wire();
  const tenant = await control('GET', '/emulator/tenant');
  state.tenant = tenant;
  $('tenant-name').textContent = tenant.displayName;
  renderTargets(tenant);
  await refreshPeople();
  if (state.personId && state.people.some((p) => p.id === state.personId)) pick(state.personId);
  setInterval(() => {
    const call = state.calls.get(state.phoneCallId);
    if (call?.view.status === 'connected') renderTimer(call, emulatedNow() - connectedAt(call));
  }, 1000);
  // Presence changes of other people (and the clock) are not on this person's stream.
  setInterval(() => refreshPeople().catch((err) => toast(`Lost the emulator: ${err.message}`)), 5000);
}

start().catch((err) => toast(`The softphone could not start: ${err.message}`));

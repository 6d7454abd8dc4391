// The softphone page: be one of the emulated tenant's people. State lives here; render.js draws it,
// api.js talks to the emulator's control API and its event stream.
import { control, openEvents } from './api.js';
import { PRESENCE_CHOICES, presenceLabel } from './format.js';
import { buildKeypad } from './keypad.js';
import { renderMe, renderPeople, renderPhone, renderTimeline, renderTimer } from './render.js';

const $ = (id) => document.getElementById(id);
const LIVE = new Set(['ringing', 'calling', 'connected']);

const state = {
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
  skewMs: 0,
  closeEvents: undefined,
};

function toast(message) {
  const el = $('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (el.hidden = true), 6000);
}

/** Replaces a select's options only when they change (so an open list is not closed under the user). */
function setOptions(select, options) {
  const signature = JSON.stringify(options.map((o) => [o.value, o.label]));
  if (select.dataset.signature !== signature) {
    select.dataset.signature = signature;
    select.replaceChildren(...options.map((o) => new Option(o.label, o.value)));
  }
  const chosen = options.find((o) => o.selected);
  if (chosen && select.value !== chosen.value) select.value = chosen.value;
}

/** Runs a control request, showing its error instead of throwing. */
async function act(fn) {
  try {
    return await fn();
  } catch (err) {
    toast(
      err.status === 404 || err.status === 405
        ? `Not available in this emulator: ${err.message}`
        : err.message,
    );
    return undefined;
  }
}

const nameOf = (personId) =>
  personId === state.personId
    ? 'You'
    : (state.people.find((p) => p.id.toLowerCase() === String(personId).toLowerCase())?.displayName ??
      personId ??
      'Someone');

const emulatedNow = () => Date.now() - state.skewMs;

function connectedAt(call) {
  const entry = call.timeline.find(
    (e) => (e.kind === 'state' && e.to === 'established') || (e.kind === 'person' && e.event === 'answered'),
  );
  return entry?.t ?? Date.parse(call.view.createdAt);
}

function render() {
  renderPeople(state.people, state.personId, pick);
  $('empty').hidden = Boolean(state.person);
  $('me').hidden = !state.person;
  if (!state.person) return;
  renderMe(state.person);
  renderPresence();
  $('on-ring').value = state.person.script?.onRing ?? 'answer';
  const phoneCall = state.calls.get(state.phoneCallId);
  renderPhone(phoneCall, {
    now: emulatedNow,
    connectedAt,
    dialed: state.dialed,
    promptSpeed: state.promptSpeed,
  });
  renderCallPicker();
  renderTimeline(state.calls.get(state.shownCallId), {
    showDeliveries: $('show-deliveries').checked,
    nameOf,
  });
}

function renderPresence() {
  const select = $('presence');
  // The selector shows what the person chose; Graph may report more (Busy · In a call while on a call).
  const current = state.person.own ?? state.person.presence;
  const choices = [...PRESENCE_CHOICES];
  const known = choices.some(
    (c) => c.availability === current?.availability && c.activity === current?.activity,
  );
  if (current && !known) choices.unshift({ ...current, label: presenceLabel(current) });
  setOptions(
    select,
    choices.map((c) => ({
      label: c.label,
      value: `${c.availability}/${c.activity}`,
      selected: c.availability === current?.availability && c.activity === current?.activity,
    })),
  );
}

function renderCallPicker() {
  const select = $('call-pick');
  const calls = [...state.calls.values()].sort((a, b) => b.view.createdAt.localeCompare(a.view.createdAt));
  setOptions(
    select,
    calls.map((c) => {
      const time = new Date(c.view.createdAt).toLocaleTimeString();
      const way = c.view.placedByMe ? 'to' : 'from';
      return {
        label: `${time} · ${way} ${c.view.appName} · ${c.view.status}`,
        value: c.view.id,
        selected: c.view.id === state.shownCallId,
      };
    }),
  );
  select.hidden = calls.length === 0;
}

/** Keeps the phone on the newest live call (or the last one it showed) and the timeline with it. */
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

function onHello(hello) {
  state.person = hello.person;
  state.promptSpeed = hello.promptSpeed ?? 1;
  state.calls = new Map(hello.calls.map((c) => [c.call.id, { view: c.call, timeline: c.timeline }]));
  const first = hello.calls[0]?.call;
  state.phoneCallId = first && LIVE.has(first.status) ? first.id : undefined;
  state.shownCallId = first?.id;
  render();
}

function onCall(update) {
  const known = state.calls.get(update.call.id);
  if (known) {
    known.view = update.call;
    known.timeline.push(...update.entries);
  } else state.calls.set(update.call.id, { view: update.call, timeline: [...update.entries] });
  if (update.person) state.person = update.person;
  follow(update.call.id);
  render();
}

async function pick(personId) {
  if (personId === state.personId && state.closeEvents) return;
  state.closeEvents?.();
  state.personId = personId;
  state.person = state.people.find((p) => p.id === personId);
  state.calls = new Map();
  state.phoneCallId = state.shownCallId = undefined;
  state.dialed = '';
  history.replaceState(null, '', `/softphone?person=${encodeURIComponent(personId)}`);
  render();
  state.closeEvents = openEvents(personId, {
    onHello,
    onCall,
    onPerson: (update) => {
      state.person = update.person;
      const listed = state.people.findIndex((p) => p.id === update.person.id);
      if (listed >= 0) state.people[listed] = update.person;
      render();
    },
    onLink: (link) => {
      $('link').dataset.state = link;
      $('link').textContent = link === 'live' ? `Live · ${state.person?.displayName ?? ''}` : 'Reconnecting…';
    },
  });
}

async function refreshPeople() {
  const [list, emuClock] = await Promise.all([
    control('GET', '/emulator/people').catch(() => undefined),
    control('GET', '/emulator/clock').catch(() => undefined),
  ]);
  if (emuClock) state.skewMs = Date.now() - Date.parse(emuClock.now);
  if (!list) return;
  state.people = list.value;
  const me = state.people.find((p) => p.id === state.personId);
  if (me && state.person)
    state.person = { ...state.person, own: me.own, presence: me.presence, inCall: me.inCall };
  render();
}

function targets() {
  const tenant = state.tenant;
  const app = tenant.apps[0];
  const options = [{ label: `${app?.displayName ?? 'The app'} (the app itself)`, body: { to: 'app' } }];
  for (const account of tenant.resourceAccounts ?? [])
    options.push({ label: `${account.displayName} · ${account.phone}`, body: { to: account.phone } });
  for (const meeting of tenant.meetings ?? [])
    options.push({
      label: `Invite the app to “${meeting.subject ?? meeting.id}”`,
      body: { to: 'app', meetingId: meeting.id },
    });
  $('call-target').replaceChildren(...options.map((o) => new Option(o.label, JSON.stringify(o.body))));
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
    await refreshPeople();
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
  buildKeypad($('keypad'), (key) => {
    state.dialed = (state.dialed + key).slice(-24);
    render();
    void act(() => control('POST', callPath('keys'), { tones: key, ...me() }));
  });
}

async function start() {
  wire();
  const [tenant, people, emuClock] = await Promise.all([
    control('GET', '/emulator/tenant'),
    control('GET', '/emulator/people'),
    control('GET', '/emulator/clock'),
  ]);
  state.tenant = tenant;
  state.people = people.value;
  state.skewMs = Date.now() - Date.parse(emuClock.now);
  $('tenant-name').textContent = tenant.displayName;
  targets();
  render();
  if (state.personId && state.people.some((p) => p.id === state.personId)) await pick(state.personId);
  setInterval(() => {
    const call = state.calls.get(state.phoneCallId);
    if (call?.view.status === 'connected') renderTimer(call, emulatedNow() - connectedAt(call));
  }, 1000);
  setInterval(() => void refreshPeople(), 5000);
}

start().catch((err) => toast(`The softphone could not start: ${err.message}`));

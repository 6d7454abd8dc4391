// The page's drop-down lists: presence, the call shown in the timeline, and whom to call.
import { PRESENCE_CHOICES, presenceLabel } from './format.js';

const $ = (id) => document.getElementById(id);

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

const samePresence = (a, b) => a?.availability === b?.availability && a?.activity === b?.activity;

/** The presence selector, on the state the person chose (Graph may report more while on a call). */
export function renderPresence(person) {
  const current = person.own ?? person.presence;
  const choices = [...PRESENCE_CHOICES];
  if (current && !choices.some((c) => samePresence(c, current)))
    choices.unshift({ ...current, label: presenceLabel(current) });
  setOptions(
    $('presence'),
    choices.map((c) => ({
      label: c.label,
      value: `${c.availability}/${c.activity}`,
      selected: samePresence(c, current),
    })),
  );
}

/** The list of the person's calls above the timeline, newest first. */
export function renderCallPicker(calls, shownCallId) {
  const select = $('call-pick');
  const sorted = [...calls.values()].sort((a, b) => b.view.createdAt.localeCompare(a.view.createdAt));
  setOptions(
    select,
    sorted.map((c) => {
      const time = new Date(c.view.createdAt).toLocaleTimeString();
      const way = c.view.placedByMe ? 'to' : 'from';
      return {
        label: `${time} · ${way} ${c.view.appName} · ${c.view.status}`,
        value: c.view.id,
        selected: c.view.id === shownCallId,
      };
    }),
  );
  select.hidden = sorted.length === 0;
}

/** Whom the person can call: the app, its resource accounts' numbers, or the app into a meeting. */
export function renderTargets(tenant) {
  const app = tenant.apps[0];
  const options = [{ label: `${app?.displayName ?? 'The app'} (the app itself)`, body: { to: 'app' } }];
  for (const account of tenant.resourceAccounts ?? [])
    options.push({ label: `${account.displayName} · ${account.phone}`, body: { to: account.phone } });
  for (const meeting of tenant.meetings ?? [])
    options.push({
      label: `Invite the app to “${meeting.subject ?? meeting.id}”`,
      body: { to: 'app', meetingId: meeting.id },
    });
  setOptions(
    $('call-target'),
    options.map((o, i) => ({ label: o.label, value: JSON.stringify(o.body), selected: i === 0 })),
  );
}

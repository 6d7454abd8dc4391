// Drawing the softphone: the people list, the phone (ringing, active, ended), captions, participants
// and the timeline. Functions of the state they are given; no requests from here.
import { captionStatus, captionText, captionsOf } from './captions.js';
import { clock, endReason, entryText, initials, presenceLabel, seconds } from './format.js';

const $ = (id) => document.getElementById(id);

/** Creates an element with attributes (data-*, aria-*, class, text) and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.filter((c) => c !== undefined && c !== null));
  return el;
}

function avatar(person, big = false) {
  return h('div', {
    class: big ? 'avatar big' : 'avatar',
    'data-availability': person.presence?.availability ?? 'PresenceUnknown',
    text: initials(person.displayName),
    'aria-hidden': 'true',
  });
}

/** The people list with presence and who is on a call. */
export function renderPeople(people, selectedId, onPick) {
  const list = $('people');
  const signature = JSON.stringify([selectedId, people.map((p) => [p.id, p.presence, p.inCall])]);
  if (list.dataset.signature === signature) return;
  list.dataset.signature = signature;
  list.replaceChildren(
    ...people.map((p) => {
      const item = h(
        'li',
        {
          class: 'person',
          role: 'option',
          tabindex: '0',
          'data-person-id': p.id,
          'aria-selected': String(p.id === selectedId),
        },
        avatar(p),
        h(
          'div',
          {},
          h('div', { class: 'name', text: p.displayName }),
          h(
            'div',
            { class: 'sub', 'data-availability': p.presence?.availability ?? 'PresenceUnknown' },
            h('span', { class: 'dot' }),
            h('span', { text: presenceLabel(p.presence) }),
            // Graph's presence already says "In a call" once connected; the badge covers ringing too.
            p.inCall && !/^InA/.test(p.presence?.activity ?? '')
              ? h('span', { class: 'badge', text: 'on the phone' })
              : null,
          ),
        ),
      );
      item.addEventListener('click', () => onPick(p.id));
      item.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          onPick(p.id);
        }
      });
      return item;
    }),
  );
}

/** The person's card: name, details, presence and what their phone does when it rings. */
export function renderMe(person) {
  $('me-avatar').replaceWith(Object.assign(avatar(person, true), { id: 'me-avatar' }));
  $('me-name').textContent = person.displayName;
  $('me-details').textContent = [person.jobTitle, person.userPrincipalName, person.phone]
    .filter(Boolean)
    .join(' · ');
  $('me-presence').textContent = `Others see: ${presenceLabel(person.presence)}`;
}

function renderCaptions(call, promptSpeed) {
  const captions = captionsOf(call.timeline, promptSpeed);
  $('captions').replaceChildren(
    ...captions.map((c) =>
      h(
        'li',
        { class: 'caption', 'data-status': c.status, 'data-operation-id': c.opId, 'data-key': c.key },
        h('span', { class: 'words', text: captionText(c) }),
        h('span', {
          class: 'meta',
          text: `${seconds(c.durationMs)}${c.forRecording ? ' · before recording' : ''} · ${captionStatus(c)}`,
        }),
      ),
    ),
  );
}

function renderParticipants(view) {
  $('participants').replaceChildren(
    ...view.participants.map((p) =>
      h(
        'li',
        { class: 'participant', 'data-kind': p.kind },
        h('span', { text: p.name }),
        p.me ? h('span', { class: 'tag', text: 'you' }) : null,
        p.kind === 'app' ? h('span', { class: 'tag', text: 'app' }) : null,
        p.isMuted ? h('span', { class: 'tag', text: 'muted' }) : null,
        p.onHold ? h('span', { class: 'tag', text: 'on hold' }) : null,
        p.inLobby ? h('span', { class: 'tag', text: 'in lobby' }) : null,
      ),
    ),
  );
}

const STATUS_WORDS = { calling: 'Calling…', connected: 'Connected' };

/** The phone panel: idle, ringing, active (keypad, captions, participants) or ended. */
export function renderPhone(call, ctx) {
  const status = call?.view.status ?? 'idle';
  const over = status === 'ended' || status === 'left';
  const section = status === 'ringing' ? 'ring' : over ? 'ended' : call ? 'active' : 'idle';
  $('phone').dataset.status = status;
  for (const id of ['idle', 'ring', 'active', 'ended']) $(id).hidden = id !== section;
  if (!call) return;
  const view = call.view;
  const other = view.participants.find((p) => !p.me && p.kind === 'app')?.name ?? view.appName;
  if (section === 'ring') {
    $('ring-title').textContent = view.kind === 'p2p' ? `${other} is calling` : 'You are invited to a call';
    $('ring-from').textContent =
      view.kind === 'p2p' ? 'Incoming call' : `${view.kind} call · ${view.participants.length} on it`;
  } else if (section === 'ended') {
    $('ended-why').textContent = status === 'left' ? 'You left the call' : endReason(view.resultInfo);
  } else {
    $('call-title').textContent = view.placedByMe ? `You → ${other}` : `${other} → you`;
    $('call-state').textContent = `${STATUS_WORDS[status] ?? status} (${view.state})`;
    renderTimer(call, ctx.now() - ctx.connectedAt(call));
    const live = status === 'connected';
    for (const key of $('keypad').querySelectorAll('button')) key.disabled = !live;
    $('say-text').disabled = !live;
    $('say').disabled = !live;
    $('dialed').textContent = ctx.dialed || '\u00a0';
    renderCaptions(call, ctx.promptSpeed);
    renderParticipants(view);
  }
}

/** The call's clock: time since it connected (or since it started, while calling). */
export function renderTimer(_call, elapsedMs) {
  $('call-timer').textContent = clock(elapsedMs);
}

/** The timeline of one call, times relative to its creation. */
export function renderTimeline(call, opts) {
  const list = $('timeline');
  if (!call) {
    list.replaceChildren(h('li', { class: 'entry none muted', text: 'No calls yet' }));
    return;
  }
  const start = Date.parse(call.view.createdAt);
  const entries = call.timeline.filter((e) => opts.showDeliveries || e.kind !== 'delivery');
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
  list.replaceChildren(
    ...entries.map((e) =>
      h(
        'li',
        { class: 'entry', 'data-kind': e.kind, 'data-event': e.event ?? null },
        h('time', { datetime: e.at, title: e.at, text: `+${((e.t - start) / 1000).toFixed(2)}` }),
        h('span', { class: `kind kind-${e.kind}`, text: e.kind }),
        h('span', { class: 'text', text: entryText(e, opts.nameOf) }),
      ),
    ),
  );
  if (atBottom) list.scrollTop = list.scrollHeight;
}

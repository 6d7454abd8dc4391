// The emulated Teams host: settings from the bar (and the URL), the framed tab, and the answers to
// its teams-js requests.
'use strict';

(function () {
  const P = globalThis.TeamsHostProtocol;
  const C = globalThis.TeamsHostConfigStage;
  const $ = (id) => document.getElementById(id);
  const query = new URLSearchParams(location.search);
  const state = {
    people: [],
    meetings: [],
    tenantId: '',
    person: undefined,
    meeting: undefined,
    teams: [],
    team: undefined,
    channel: undefined,
    context: query.get('context') || 'personal',
    theme: query.get('theme') || 'default',
    fault: query.get('fault') || 'none',
    // Unless the URL names a tab, the emulator says where the app serves it (start()).
    tabUrl: query.get('tab') || '',
    stage: query.get('stage') === 'configure' ? 'configure' : 'content',
    configParam: query.get('config') || '',
    // The configured tab Teams keeps once a configuration page saved (config-dialog.js).
    saved: undefined,
    sessionId: crypto.randomUUID(),
    tabOrigin: undefined,
    initialized: false,
  };

  function log(text, refused) {
    const li = document.createElement('li');
    li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
    if (refused) li.className = 'refused';
    $('log').prepend(li);
  }

  function applyTheme() {
    document.body.classList.toggle('dark', state.theme === 'dark');
    document.body.classList.toggle('contrast', state.theme === 'contrast');
    document.body.classList.toggle('side-panel', state.context === 'meetingSidePanel');
  }

  const dialog = globalThis.TeamsHostConfigDialog.create({ state, $, log, reload: () => loadTab() });

  /** The page to frame: the configuration page, a configured tab's content URL, or the tab URL. */
  function frameUrl() {
    if (state.stage === 'configure') return C.configUrlFor(state.tabUrl, state.configParam, location.href);
    return new URL(state.saved ? state.saved.contentUrl : state.tabUrl, location.href).href;
  }

  function loadTab() {
    state.initialized = false;
    state.sessionId = crypto.randomUUID();
    dialog.reset();
    let url;
    try {
      url = new URL(frameUrl());
    } catch {
      log(`not a URL: ${state.tabUrl}`, true);
      return;
    }
    state.tabOrigin = url.origin;
    dialog.show();
    $('tab').src = url.href;
    log(`framing ${url.href}`);
  }

  async function mintToken(interactive) {
    if (state.fault !== 'none' && interactive) {
      // The consent prompt: the person agrees, and from now on tokens are good.
      log('consent prompt shown and accepted');
      state.fault = 'none';
      $('fault').value = 'none';
    }
    if (state.fault === 'consent') return { ok: false, error: 'resourceRequiresConsent' };
    const res = await fetch('/host/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: state.person.id, fault: state.fault }),
    });
    const body = await res.json();
    return res.ok
      ? { ok: true, token: body.token }
      : { ok: false, error: body.error?.message ?? 'FailedToGetToken' };
  }

  async function answer(msg) {
    switch (msg.func) {
      case 'initialize':
        state.initialized = true;
        return P.initializeArgs(state);
      case 'getContext':
        return [P.buildContext(state)];
      case 'meeting.getMeetingDetails':
        return P.meetingDetailsArgs(state);
      case 'settings.setValidityState':
      case 'settings.setSettings':
      case 'settings.getSettings':
      case 'settings.save.success':
      case 'settings.save.failure':
        return dialog.answer(msg);
      case 'authentication.getAuthToken': {
        const interactive = msg.args?.[2] === false;
        const r = await mintToken(interactive);
        log(r.ok ? `token issued for ${state.person.displayName}` : `token refused: ${r.error}`, !r.ok);
        return r.ok ? [true, r.token] : [false, r.error];
      }
      default:
        return undefined;
    }
  }

  window.addEventListener('message', (event) => {
    const frame = $('tab').contentWindow;
    if (event.source !== frame || event.origin !== state.tabOrigin) return;
    const msg = event.data;
    if (!msg || typeof msg.func !== 'string') return;
    answer(msg).then(
      (args) => {
        if (args === undefined) {
          log(`${msg.func} (no answer needed)`);
          return;
        }
        log(msg.func);
        frame.postMessage(P.response(msg, args), event.origin);
      },
      (err) => log(`${msg.func} failed: ${err}`, true),
    );
  });

  function sendTheme() {
    applyTheme();
    if (!state.initialized) return;
    $('tab').contentWindow.postMessage({ func: 'themeChange', args: [state.theme] }, state.tabOrigin);
    log(`themeChange ${state.theme}`);
  }

  function fillSelect(select, items, value) {
    select.replaceChildren(
      ...items.map((it) => {
        const o = document.createElement('option');
        o.value = it.value;
        o.textContent = it.label;
        return o;
      }),
    );
    if (value) select.value = value;
  }

  /** Shows the meeting or the team pickers for the chosen context. */
  function showFields() {
    $('meeting-field').hidden = !P.isMeetingChoice(state.context);
    $('team-field').hidden = state.context !== 'teamChannel';
  }

  function fillTeam() {
    fillSelect(
      $('team'),
      state.teams.map((t) => ({ value: t.id, label: t.displayName })),
      state.team?.id,
    );
    fillSelect(
      $('channel'),
      (state.team?.channels || []).map((c) => ({ value: c.id, label: c.displayName })),
      state.channel?.id,
    );
  }

  async function start() {
    if (!state.tabUrl) state.tabUrl = (await (await fetch('/host/defaults')).json()).tabUrl;
    const tenant = await (await fetch('/emulator/tenant')).json();
    state.tenantId = tenant.tenantId;
    state.people = tenant.people;
    state.teams = tenant.teams || [];
    const meetings = await (await fetch('/emulator/meetings')).json().catch(() => ({ value: [] }));
    state.meetings = (meetings.value || [])
      .filter((m) => m.chatInfo && m.chatInfo.threadId)
      .map((m) => ({
        id: m.id,
        threadId: m.chatInfo.threadId,
        subject: m.subject || m.id,
        joinWebUrl: m.joinWebUrl,
        startDateTime: m.startDateTime,
        endDateTime: m.endDateTime,
        organizerId: m.participants?.organizer?.identity?.user?.id,
      }));
    state.person = state.people.find((p) => p.id === query.get('person')) || state.people[0];
    state.meeting =
      state.meetings.find((m) => m.id === query.get('meeting') || m.threadId === query.get('meeting')) ||
      state.meetings[0];
    state.team = state.teams.find((t) => t.id === query.get('team')) || state.teams[0];
    state.channel =
      state.team?.channels.find((c) => c.id === query.get('channel')) || state.team?.channels[0];
    fillTeam();
    fillSelect(
      $('person'),
      state.people.map((p) => ({ value: p.id, label: p.displayName })),
      state.person?.id,
    );
    fillSelect(
      $('meeting'),
      state.meetings.map((m) => ({ value: m.id, label: m.subject })),
      state.meeting?.id,
    );
    $('context').value = state.context;
    $('stage').value = state.stage;
    $('theme').value = state.theme;
    $('fault').value = state.fault;
    $('tab-url').value = state.tabUrl;
    showFields();
    applyTheme();
    loadTab();
  }

  $('person').addEventListener('change', (e) => {
    state.person = state.people.find((p) => p.id === e.target.value);
    loadTab();
  });
  $('stage').addEventListener('change', (e) => {
    state.stage = e.target.value;
    loadTab();
  });
  $('save').addEventListener('click', dialog.startSave);
  $('context').addEventListener('change', (e) => {
    // Another place has no tab configured yet.
    state.saved = undefined;
    state.context = e.target.value;
    showFields();
    applyTheme();
    loadTab();
  });
  $('meeting').addEventListener('change', (e) => {
    state.meeting = state.meetings.find((m) => m.id === e.target.value);
    state.saved = undefined;
    loadTab();
  });
  $('team').addEventListener('change', (e) => {
    state.team = state.teams.find((t) => t.id === e.target.value);
    state.saved = undefined;
    state.channel = state.team?.channels[0];
    fillTeam();
    loadTab();
  });
  $('channel').addEventListener('change', (e) => {
    state.channel = state.team?.channels.find((c) => c.id === e.target.value);
    state.saved = undefined;
    loadTab();
  });
  $('theme').addEventListener('change', (e) => {
    state.theme = e.target.value;
    sendTheme();
  });
  $('fault').addEventListener('change', (e) => {
    state.fault = e.target.value;
  });
  $('reload').addEventListener('click', () => {
    state.tabUrl = $('tab-url').value;
    state.saved = undefined;
    loadTab();
  });

  start().catch((err) => log(`start-up failed: ${err}`, true));
})();

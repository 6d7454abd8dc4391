// Teams' "add a tab" dialog around a configuration page: its title and Save button, the page's
// settings.* messages, and, once a save succeeded, the configured tab opened at its content URL.
'use strict';

(function () {
  const P = globalThis.TeamsHostProtocol;
  const C = globalThis.TeamsHostConfigStage;
  /** How long the dialog waits for the page to answer Save before it gives up. */
  const SAVE_TIMEOUT_MS = 15000;

  /**
   * The dialog for the host page's state; reload frames the page again for the current stage.
   * Per framed page: whether it said its settings are valid, what it handed over, a save under way.
   */
  function create({ state, $, log, reload }) {
    let valid = false;
    let pending;
    let saving;

    function setStatus(text, refused) {
      $('save-status').textContent = text;
      $('save-status').className = refused ? 'refused' : '';
    }

    function updateSave() {
      $('save').disabled = state.stage !== 'configure' || !valid || !!saving;
    }

    function endSave() {
      if (saving) clearTimeout(saving.timer);
      saving = undefined;
      updateSave();
    }

    function placeName() {
      if (state.context === 'teamChannel' && state.team)
        return `${state.team.displayName}${state.channel ? ` › ${state.channel.displayName}` : ''}`;
      if (P.isMeetingChoice(state.context) && state.meeting) return state.meeting.subject;
      return 'personal app (Teams adds configurable tabs to channels, chats and meetings only)';
    }

    /** Forgets the previous page's answers (a new page is about to be framed). */
    function reset() {
      valid = false;
      pending = undefined;
      endSave();
    }

    /** Shows the title and Save bar in the configure stage only. */
    function show() {
      const configuring = state.stage === 'configure';
      $('dialog-title').hidden = !configuring;
      $('dialog-foot').hidden = !configuring;
      $('dialog-title').textContent = `Add Switchboard: ${placeName()}`;
      setStatus(configuring ? 'Waiting for the configuration page…' : '');
      updateSave();
    }

    /** Save pressed: the page gets settings.save and must answer settings.save.success or .failure. */
    function startSave() {
      if (!valid || saving) return;
      const timer = setTimeout(() => {
        endSave();
        setStatus('The configuration page did not answer Save. Try again.', true);
        log('settings.save: no answer', true);
      }, SAVE_TIMEOUT_MS);
      saving = { timer };
      updateSave();
      setStatus('Saving…');
      $('tab').contentWindow.postMessage({ func: 'settings.save', args: C.saveArgs() }, state.tabOrigin);
      log('settings.save sent');
    }

    /** The page answered Save: keep its settings and open the tab at its content URL, as Teams does. */
    function saveSucceeded() {
      if (!saving) return log('settings.save.success without a save under way', true);
      endSave();
      if (!pending) {
        setStatus('The page reported success without handing over its settings (setConfig).', true);
        return log('settings.save.success but no settings were set', true);
      }
      state.saved = pending;
      log(`tab saved: "${pending.suggestedDisplayName || ''}", entity ${pending.entityId || '(none)'}`);
      state.stage = 'content';
      $('stage').value = 'content';
      reload();
    }

    function saveFailed(reason) {
      if (!saving) return log('settings.save.failure without a save under way', true);
      endSave();
      setStatus(`Not saved: ${reason || 'the page reported a failure'}`, true);
      log(`settings.save.failure: ${reason}`, true);
    }

    /** Answers a settings.* message from the framed page (undefined: a one-way message). */
    function answer(msg) {
      switch (msg.func) {
        case 'settings.setValidityState':
          valid = msg.args?.[0] === true;
          updateSave();
          if (!saving) setStatus(valid ? 'Ready to save.' : 'The page says its settings are not complete.');
          log(`settings.setValidityState ${valid}`);
          return undefined;
        case 'settings.setSettings': {
          const r = C.checkSettings(msg.args?.[0], state.tabOrigin);
          if (r.ok) pending = r.settings;
          log(r.ok ? `settings set: ${r.settings.contentUrl}` : `settings refused: ${r.reason}`, !r.ok);
          return r.ok ? [true] : [false, r.reason];
        }
        case 'settings.getSettings':
          return [pending || state.saved || {}];
        case 'settings.save.success':
          saveSucceeded();
          return undefined;
        case 'settings.save.failure':
          saveFailed(msg.args?.[0]);
          return undefined;
        default:
          return undefined;
      }
    }

    return { reset, show, startSave, answer };
  }

  globalThis.TeamsHostConfigDialog = { create };
})();

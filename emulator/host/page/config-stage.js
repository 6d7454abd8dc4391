// The host side of a configurable tab's configuration stage, as plain functions: where the
// configuration page is, and whether the settings a page hands over (settings.setSettings) are ones
// Teams would keep.
'use strict';

(function () {
  const URL_FIELDS = ['contentUrl', 'websiteUrl', 'removeUrl'];

  /** The configuration page: the one named in the query, else config.html beside the tab's page. */
  function configUrlFor(tabUrl, configParam, pageHref) {
    return new URL(configParam || 'config.html', new URL(tabUrl, pageHref)).href;
  }

  /**
   * Checks settings as Teams does before it keeps a tab: contentUrl is required, and every URL must be
   * on a domain the app declares (here: the configuration page's own origin stands in for the
   * manifest's validDomains). Answers { ok, settings } or { ok: false, reason }.
   */
  function checkSettings(settings, configOrigin) {
    if (!settings || typeof settings !== 'object') return { ok: false, reason: 'no settings were given' };
    if (typeof settings.contentUrl !== 'string' || !settings.contentUrl)
      return { ok: false, reason: 'contentUrl is required' };
    const kept = {};
    for (const field of URL_FIELDS) {
      const value = settings[field];
      if (value === undefined || value === null || value === '') continue;
      let url;
      try {
        url = new URL(value);
      } catch {
        return { ok: false, reason: `${field} is not an absolute URL: ${value}` };
      }
      if (url.origin !== configOrigin)
        return { ok: false, reason: `${field} is outside the app's domains (${url.origin})` };
      kept[field] = url.href;
    }
    for (const field of ['entityId', 'suggestedDisplayName']) {
      const value = settings[field];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') return { ok: false, reason: `${field} must be a string` };
      kept[field] = value;
    }
    return { ok: true, settings: kept };
  }

  /** The save event's arguments: Teams sends the save parameters (a webhook URL only for connectors). */
  function saveArgs() {
    return [{}];
  }

  globalThis.TeamsHostConfigStage = { configUrlFor, checkSettings, saveArgs };
})();

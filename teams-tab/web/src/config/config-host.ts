// The configuration stage of teams-js: tell Teams the settings are valid (its Save button enables),
// and on Save hand it the tab's settings, then say whether that worked.
import { app, pages } from '@microsoft/teams-js';
import type { TabSettings } from './tab-plan';

/** The frame contexts in which Teams shows a configuration page (adding the tab, or its settings). */
export const CONFIG_FRAMES = new Set(['settings']);

/** Why a save failed, in words for the page; teams-js and hosts reject with Errors or plain strings. */
export function saveFailure(err: unknown): string {
  const reason = err instanceof Error ? err.message : String(err);
  return `Teams did not accept the tab's settings (${reason}). Close this dialog and add the tab again.`;
}

/**
 * Marks the settings valid and answers Teams' Save with `settings`. onSaved runs once Teams has them;
 * onFailed gets the message the page shows when Teams refused them.
 */
export function offerSettings(
  settings: TabSettings,
  onSaved: () => void,
  onFailed: (message: string) => void,
): void {
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config.setConfig(settings).then(
      () => {
        saveEvent.notifySuccess();
        onSaved();
      },
      (err: unknown) => {
        const message = saveFailure(err);
        saveEvent.notifyFailure(message);
        onFailed(message);
      },
    );
  });
  pages.config.setValidityState(true);
}

/** Tells the host the page has loaded (hides Teams' own loading indicator in the dialog). */
export function reportConfigLoaded(): void {
  app.notifySuccess().catch((err: unknown) => console.warn('notifySuccess failed', err));
}

// What `npm start` prints once local mode runs: every address, from the ports actually in use.

export interface BannerAddresses {
  /** The app's public URL (PUBLIC_URL, else http://localhost:PORT). */
  readonly appUrl: string;
  /** The tab the emulated Teams host frames. */
  readonly tabUrl: string;
  /** The emulator's https base (Graph, Entra ID). */
  readonly emulatorUrl: string;
  /** The same port over plain HTTP, for browsers and the control API. */
  readonly emulatorHttpUrl: string;
  readonly tenantId: string;
}

/** The lines printed after start-up; browser addresses use "localhost" rather than 127.0.0.1. */
export function localBanner(a: BannerAddresses): string {
  const e = a.emulatorHttpUrl.replace('//127.0.0.1:', '//localhost:');
  return [
    '',
    'Switchboard is running in local mode (no Microsoft tenant needed):',
    `  app                 ${a.appUrl}   (health: ${a.appUrl}/healthz)`,
    `  emulator (Graph)    ${a.emulatorUrl}   (tenant ${a.tenantId})`,
    `  softphone           ${e}/softphone   (be one of the simulated people)`,
    `  tab in Teams host   ${e}/host   (frames ${a.tabUrl})`,
    `  control API         ${e}/emulator/calls   (see emulator/CONTROL.md)`,
    '  chat with the bot   npm run playground   (then open http://localhost:56150 and type "help")',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

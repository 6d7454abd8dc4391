// The settings a calling app reads to reach an emulator instead of Microsoft 365: one list for the
// app under test and for the packaged example.

/** An emulator as the app's settings need it: the app registration, its URL and its CA. */
export interface EmulatorEndpoint {
  readonly appId: string;
  readonly appSecret: string;
  readonly tenantId: string;
  readonly url: string;
  readonly caPath: string;
}

/** The settings that point a calling app (ours or the packaged example) at this emulator for Graph and tokens. */
export function emulatorGraphEnv(emu: EmulatorEndpoint): Record<string, string> {
  return {
    MicrosoftAppId: emu.appId,
    MicrosoftAppPassword: emu.appSecret,
    MicrosoftAppTenantId: emu.tenantId,
    GRAPH_BASE_URL: `${emu.url}/v1.0`,
    ENTRA_AUTHORITY_HOST: emu.url,
    CALLING_OPENID_CONFIG_URL: `${emu.url}/calling/v1/.well-known/OpenIdConfiguration`,
    EXTRA_CA_FILE: emu.caPath,
  };
}

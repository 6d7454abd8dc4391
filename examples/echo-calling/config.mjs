// The example's settings, from the environment. Without them it stops at once and says what to set.
import { readFileSync } from 'node:fs';

const REQUIRED = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId'];

/** Reads the settings; throws an Error naming every missing variable. */
export function readConfig(env = process.env) {
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `Set ${missing.join(', ')} (your app registration's id, secret and tenant; README.md lists the ` +
        "emulator's values), then start the example again.",
    );
  }
  const botAuth = env.BOT_AUTH ?? 'on';
  if (botAuth !== 'on' && botAuth !== 'off')
    throw new Error(`BOT_AUTH is '${botAuth}': set it to on (the default) or off (local use only).`);
  const port = Number(env.PORT ?? 4000);
  return {
    // botbuilder's own settings: the same app registration, as a single-tenant Azure Bot. With no app id
    // Bot Framework auth is off (no token checked on /api/messages, none sent with the replies).
    botAuth:
      botAuth === 'off'
        ? {}
        : {
            MicrosoftAppId: env.MicrosoftAppId,
            MicrosoftAppPassword: env.MicrosoftAppPassword,
            MicrosoftAppTenantId: env.MicrosoftAppTenantId,
            MicrosoftAppType: 'SingleTenant',
          },
    appId: env.MicrosoftAppId,
    appSecret: env.MicrosoftAppPassword,
    tenantId: env.MicrosoftAppTenantId,
    graphBaseUrl: env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0',
    authorityHost: env.ENTRA_AUTHORITY_HOST ?? 'https://login.microsoftonline.com',
    callingOpenIdConfigUrl:
      env.CALLING_OPENID_CONFIG_URL ?? 'https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration',
    // The emulator's local CA; a real tenant's endpoints need none.
    extraCa: env.EXTRA_CA_FILE ? readFileSync(env.EXTRA_CA_FILE, 'utf8') : undefined,
    port,
    host: env.HOST ?? '127.0.0.1',
    // Where Graph reaches the webhook and fetches the prompts: an https URL in front of PORT in production.
    publicUrl: (env.PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
  };
}

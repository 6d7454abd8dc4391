// The values the template's placeholders draw on: the environment plus a few derived from it.
import type { Problem } from './problems';

const LOCAL_HOSTS = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * Environment variables plus PUBLIC_HOST (PUBLIC_URL's host name), APP_VERSION (default: the package
 * version) and TAB_API_AUDIENCE (default: api://<PUBLIC_HOST>/<MicrosoftAppId>, as the tab's API assumes).
 */
export function manifestVariables(
  env: Readonly<Record<string, string | undefined>>,
  packageVersion: string,
): { vars: Record<string, string | undefined>; problems: Problem[] } {
  const vars: Record<string, string | undefined> = { ...env };
  const problems: Problem[] = [];
  vars.APP_VERSION = env.APP_VERSION || packageVersion;
  const raw = env.PUBLIC_URL?.trim();
  if (raw) {
    const field = 'PUBLIC_URL';
    if (!URL.canParse(raw)) {
      problems.push({
        field,
        message: `"${raw}" is not a URL; set it to the https address Teams reaches the app at`,
      });
    } else {
      const url = new URL(raw);
      if (url.protocol !== 'https:')
        problems.push({
          field,
          message: `"${raw}" must be https://: Teams only loads tabs and calls bots over https (use a tunnel such as dev tunnels or ngrok in development)`,
        });
      else if (LOCAL_HOSTS.test(url.hostname))
        problems.push({
          field,
          message: `"${raw}" points at this machine; Teams and Graph need a public host name (use a tunnel in development)`,
        });
      if (url.search || url.hash)
        problems.push({ field, message: `"${raw}" must not carry a query or fragment` });
      vars.PUBLIC_URL = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
      vars.PUBLIC_HOST = url.hostname;
    }
  }
  if (!env.TAB_API_AUDIENCE && vars.PUBLIC_HOST && env.MicrosoftAppId)
    vars.TAB_API_AUDIENCE = `api://${vars.PUBLIC_HOST}/${env.MicrosoftAppId}`;
  return { vars, problems };
}

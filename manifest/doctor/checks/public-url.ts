// Check 5: PUBLIC_URL is https and reaches this app: /healthz answers, and the bot's two endpoints
// exist there and refuse a request that carries no token (a wrong path shows up as 404).
import { describeNetworkError } from '../http';
import type { DoctorCheck, Finding } from '../types';

// Bodies shaped like the real traffic, so the endpoint gets as far as checking the caller's token.
const ACTIVITY = {
  type: 'message',
  id: 'switchboard-doctor',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/teams/',
  from: { id: 'switchboard-doctor' },
  conversation: { id: 'switchboard-doctor' },
  recipient: { id: 'switchboard-doctor' },
  text: 'doctor',
};
const ENDPOINTS = [
  {
    path: '/api/calls',
    what: 'calling webhook (Azure Bot → Channels → Teams → Calling)',
    body: { value: [] },
  },
  { path: '/api/messages', what: 'messaging endpoint (Azure Bot → Configuration)', body: ACTIVITY },
] as const;

export const publicUrlCheck: DoctorCheck = {
  id: 'public-url',
  title: 'PUBLIC_URL reaches the app',
  needsTeams:
    'Teams and Graph call the app only at a public https URL; locally the emulator calls it on loopback',
  async run(ctx): Promise<Finding> {
    const c = ctx.config;
    if (!c) return { status: 'skip', summary: 'skipped: needs a valid configuration (see above)' };
    const base = c.publicUrl;
    if (!base.startsWith('https://'))
      return {
        status: 'fail',
        summary: `PUBLIC_URL ${base} is not https`,
        fix: 'Teams and Graph only call https endpoints: put the app behind an https reverse proxy or a tunnel and set PUBLIC_URL to it.',
      };
    const details: string[] = [];
    try {
      const health = await ctx.http(`${base}/healthz`);
      if (health.status !== 200)
        return {
          status: 'fail',
          summary: `${base}/healthz answered ${health.status}, not 200`,
          fix: "PUBLIC_URL must lead to this app: check the tunnel or reverse proxy forwards to the app's PORT, and that the app is running (npm start).",
        };
      details.push(`${base}/healthz: 200`);
      for (const ep of ENDPOINTS) {
        const a = await ctx.http(`${base}${ep.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ep.body),
        });
        details.push(`${base}${ep.path}: ${a.status} without a token`);
        if (a.status === 404 || a.status === 405 || a.status >= 500)
          return {
            status: 'fail',
            summary: `${base}${ep.path} answered ${a.status}: the ${ep.what} is not served there`,
            details,
            fix: `Set the ${ep.what} to ${base}${ep.path} and make sure the proxy forwards that path unchanged.`,
          };
        if (a.status < 300)
          return {
            status: 'fail',
            summary: `${base}${ep.path} accepted a request without a token (${a.status})`,
            details,
            fix: 'The app must verify callers: run it in teams mode with MicrosoftAppId/MicrosoftAppPassword set.',
          };
      }
    } catch (err) {
      const { what, hint } = describeNetworkError(err);
      return {
        status: 'fail',
        summary: `could not reach ${base}: ${what}`,
        details,
        fix:
          hint ?? 'Start the app (npm start) and the tunnel or proxy in front of it, then check PUBLIC_URL.',
      };
    }
    return {
      status: 'ok',
      summary: `${base} answers /healthz; /api/calls and /api/messages refuse unsigned requests`,
      details,
    };
  },
};

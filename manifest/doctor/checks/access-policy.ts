// Check 4: an online-meeting request on behalf of a user. Graph answers it only when an application
// access policy (Teams PowerShell) lets the app act for that user; without one it says so in a 403.
import { describeNetworkError, type HttpAnswer } from '../http';
import type { DoctorCheck, DoctorContext, Finding } from '../types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The externalId of the one meeting the doctor creates (and then reuses) per organizer. */
export const DOCTOR_MEETING_ID = 'switchboard-doctor-check';
// Graph's current wording ("No application access policy found for this app") and the older 401
// ("App ... is not authorized to Create meeting on behalf of user ...").
const POLICY_DENIAL = /application access policy|not authorized to .* on behalf of/i;

function graphMessage(a: HttpAnswer): string {
  try {
    const body = JSON.parse(a.text) as { error?: { code?: string; message?: string } };
    if (body.error) return `${body.error.code ?? ''}: ${body.error.message ?? ''}`.replace(/^: /, '');
  } catch {
    return a.text.slice(0, 200);
  }
  return a.text.slice(0, 200);
}

function policyFix(appId: string, user: string): string {
  return [
    'In Teams PowerShell (Install-Module MicrosoftTeams; Connect-MicrosoftTeams) as a Teams administrator:',
    `  New-CsApplicationAccessPolicy -Identity Switchboard-Meetings -AppIds "${appId}" -Description "Switchboard creates and reads meetings"`,
    `  Grant-CsApplicationAccessPolicy -PolicyName Switchboard-Meetings -Identity "${user}"   (or -Global for every user)`,
    'Policy changes can take up to 30 minutes to reach Graph; run the doctor again after that.',
  ].join('\n');
}

/** Resolves --user (object id or UPN) or, without it, the first user Graph lists. */
async function organizer(
  ctx: DoctorContext,
  graph: string,
  auth: Record<string, string>,
): Promise<string | Finding> {
  const given = ctx.user?.trim();
  if (given && GUID.test(given)) return given;
  const url = given
    ? `${graph}/users/${encodeURIComponent(given)}?$select=id`
    : `${graph}/users?$top=1&$select=id,userPrincipalName`;
  const a = await ctx.http(url, { headers: auth });
  if (a.status === 200) {
    const body = JSON.parse(a.text) as { id?: string; value?: Array<{ id?: string }> };
    const id = body.id ?? body.value?.[0]?.id;
    if (id) return id;
  }
  return {
    status: 'fail',
    summary: given
      ? `could not find user "${given}" (${a.status} ${graphMessage(a)})`
      : `could not pick a user to test with (GET /users answered ${a.status} ${graphMessage(a)})`,
    fix: 'Run `npm run doctor -- --user <object id or UPN of a meeting organizer>`.',
  };
}

export const accessPolicyCheck: DoctorCheck = {
  id: 'access-policy',
  title: 'Application access policy (online meetings)',
  needsTeams: "it asks Graph for a meeting on a user's behalf, which a Teams administrator's policy allows",
  async run(ctx): Promise<Finding> {
    const c = ctx.config;
    if (!c || !ctx.token) return { status: 'skip', summary: 'skipped: needs an app token (see above)' };
    if (!ctx.token.roles.some((r) => /^OnlineMeetings\.(ReadWrite|Read)\.All$/i.test(r)))
      return { status: 'skip', summary: 'skipped: needs OnlineMeetings.ReadWrite.All first (see above)' };
    const graph = c.GRAPH_BASE_URL.replace(/\/+$/, '');
    const auth = { authorization: `Bearer ${ctx.token.accessToken}` };
    try {
      const user = await organizer(ctx, graph, auth);
      if (typeof user !== 'string') return user;
      // createOrGet with a fixed externalId: the first run creates one meeting (meetings made through
      // this API stay off calendars), later runs get the same one back. Graph checks the policy first.
      const a = await ctx.http(`${graph}/users/${user}/onlineMeetings/createOrGet`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ externalId: DOCTOR_MEETING_ID, subject: 'Switchboard doctor check' }),
      });
      const message = graphMessage(a);
      if ((a.status === 401 || a.status === 403) && POLICY_DENIAL.test(message))
        return {
          status: 'fail',
          summary: `no application access policy lets the app act for user ${user} (Graph: ${a.status} ${message})`,
          fix: policyFix(c.MicrosoftAppId ?? '<MicrosoftAppId>', user),
        };
      if (a.status === 401 || a.status === 403)
        return {
          status: 'fail',
          summary: `Graph refused the meeting lookup for user ${user}: ${a.status} ${message}`,
          fix: 'Check the Graph permissions above (OnlineMeetings.ReadWrite.All with admin consent) and the application access policy.',
        };
      if (a.status >= 500 || a.status === 429)
        return {
          status: 'fail',
          summary: `Graph could not answer the meeting lookup (${a.status} ${message})`,
          fix: 'Try again in a few minutes; if it persists, check Graph service health in the Microsoft 365 admin center.',
        };
      if (a.status === 200 || a.status === 201)
        return { status: 'ok', summary: `the app may create and read meetings for user ${user}` };
      return {
        status: 'fail',
        summary: `could not confirm the policy: Graph answered the meeting request for user ${user} with ${a.status} ${message}`,
        fix: 'Check GRAPH_BASE_URL (default https://graph.microsoft.com/v1.0) and the user given with --user.',
      };
    } catch (err) {
      const { what, hint } = describeNetworkError(err);
      return {
        status: 'fail',
        summary: `could not reach Graph at ${graph}: ${what}`,
        fix: hint ?? 'Check GRAPH_BASE_URL (default https://graph.microsoft.com/v1.0) and the network.',
      };
    }
  },
};

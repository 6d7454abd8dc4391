// Check 3: the token carries every Graph application permission the features use. A role appears in
// the token only once it is added *and* an admin has granted consent, so both steps are named.
import { REQUIRED_GRAPH_ROLES, missingRoles } from '../graph-roles';
import type { DoctorCheck } from '../types';

export const graphPermissionsCheck: DoctorCheck = {
  id: 'graph-permissions',
  title: 'Graph application permissions',
  needsTeams: "it reads the permissions your tenant's admin granted",
  async run(ctx) {
    if (!ctx.token) return { status: 'skip', summary: 'skipped: needs an app token (see above)' };
    const missing = missingRoles(ctx.token.roles);
    if (missing.length === 0)
      return {
        status: 'ok',
        summary: `all ${REQUIRED_GRAPH_ROLES.length} permissions granted with admin consent`,
      };
    return {
      status: 'fail',
      summary: `${missing.length} of ${REQUIRED_GRAPH_ROLES.length} application permissions missing from the token: ${missing.map((m) => m.role).join(', ')}`,
      details: missing.map((m) => `${m.role}: ${m.usedFor}`),
      fix:
        'Entra admin center → App registrations → your app → API permissions → Add a permission → Microsoft Graph → ' +
        `Application permissions: add ${missing.map((m) => m.role).join(', ')}; then "Grant admin consent for <your tenant>". ` +
        'Without consent the permissions stay out of the token.',
    };
  },
};

// Application access policies (Teams PowerShell: New-/Grant-CsApplicationAccessPolicy): an app token
// may act on a user's online meetings only when a policy naming the app is granted to that user or
// globally. Without one Graph answers 403 with code General and "No application access policy found
// for this app." (as observed on the wire; the documentation's sample shows code Forbidden).
import { GraphError } from '../http';
import type { Tenant } from '../people';

/** True when a policy lets the app act for the user. */
export function policyAllows(tenant: Tenant, appId: string, userId: string): boolean {
  const app = appId.toLowerCase();
  const user = userId.toLowerCase();
  return tenant.applicationAccessPolicies.some(
    (p) =>
      p.appIds.some((a) => a.toLowerCase() === app) &&
      (p.global || p.users.some((u) => u.toLowerCase() === user)),
  );
}

/** Throws Graph's 403 unless a policy lets the app act for the user. */
export function requirePolicy(tenant: Tenant, appId: string, userId: string): void {
  if (!policyAllows(tenant, appId, userId))
    throw new GraphError(403, 'General', 'No application access policy found for this app.');
}

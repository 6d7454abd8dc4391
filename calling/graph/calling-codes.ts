// The calling service's own numeric codes, seen as Graph `error.code` on a refused request or as
// `resultInfo.subcode` in a notification. Meanings: 7504 and 8522 as Microsoft's services word them
// ("Insufficient enterprise tenant permissions, cannot access this API", "Call not found"); the causes
// listed for 7504 are the ones reported as fixes in microsoftgraph/microsoft-graph-comms-samples issues.
// 7505 has no public description; it is treated as the same family and says so.
import type { CallingErrorCode } from '../errors';

/** A calling-service code's CallingError code and what to do about it. */
export interface CallingCodeGuidance {
  readonly code: CallingErrorCode;
  readonly guidance: string;
}

/** Guidance for a known calling-service code, or undefined. */
export function guidanceForCallingCode(code: number, tenantId?: string): CallingCodeGuidance | undefined {
  const tenant = tenantId ? `tenant ${tenantId}` : 'the tenant of the call';
  switch (code) {
    case 7504:
      return {
        code: 'graph_permission_missing',
        guidance:
          `Code 7504 (insufficient enterprise tenant permissions) means ${tenant} has not granted this app what the request needs. ` +
          `Check, in order: (1) the app has the Graph application permissions for calls (Calls.Initiate.All, Calls.InitiateGroupCall.All, ` +
          `Calls.JoinGroupCall.All, Calls.AccessMedia.All as needed) with admin consent granted in ${tenant}; ` +
          '(2) the call or meeting belongs to the same tenant the token was requested for (a meeting organised in another tenant needs ' +
          'the app consented there and a token for that tenant); (3) the users or resource account involved have a Teams license.',
      };
    case 7505:
      return {
        code: 'graph_permission_missing',
        guidance:
          'Code 7505: the calling service denied the request. Microsoft does not document this code; it belongs to the same family as 7504, ' +
          `so check admin consent for the Calls.* permissions in ${tenant}, that the target is in that tenant, and Teams licensing.`,
      };
    case 8522:
      return {
        code: 'graph_call_gone',
        guidance: 'Code 8522 (call not found): the call has ended; drop it locally.',
      };
    default:
      return undefined;
  }
}

import type { TabResponse } from '../types';
import { authFailure } from './auth-failure';

// The calling module's message for an on-behalf-of failure names the AADSTS code Entra returned.
const OBO_REFUSED = /on-behalf-of|AADSTS65001|AADSTS50013|AADSTS500133|consent|interaction_required/i;

/** An on-behalf-of failure becomes the consent answer (so the UI offers its button); anything else: undefined. */
export function consentFailure(err: unknown): TabResponse | undefined {
  if (!(err instanceof Error) || (err as { code?: unknown }).code !== 'graph_auth_failed') return undefined;
  if (!OBO_REFUSED.test(err.message)) return undefined;
  return authFailure(/AADSTS500133/.test(err.message) ? 'expired' : 'graph_consent');
}

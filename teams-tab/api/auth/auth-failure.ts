import type { AuthFailureReason } from './types';
import type { TabResponse } from '../types';

const MESSAGES: Record<AuthFailureReason, string> = {
  missing: 'You are not signed in to Switchboard. Select "Sign in" to continue.',
  malformed: 'Your sign-in could not be read. Select "Sign in" to try again.',
  signature: 'Your sign-in could not be verified. Select "Sign in" to try again.',
  expired: 'Your sign-in has expired. Select "Sign in again" to continue.',
  not_yet_valid: 'Your sign-in is not valid yet (check this device\'s clock), then select "Sign in again".',
  audience: 'Your sign-in was issued for another app. Select "Sign in" to sign in to Switchboard.',
  issuer: 'Your sign-in was issued by an unexpected authority. Select "Sign in" to try again.',
  tenant:
    'Your organisation is not allowed to use this Switchboard app. Ask your administrator to add your tenant.',
  scope: 'Switchboard needs your permission to act as you. Select "Grant consent" to give it.',
  graph_consent:
    'Switchboard needs your consent (or an administrator\'s) to read presence and team members and create meetings as you. Select "Grant consent".',
  ticket: 'The live-updates link has expired. Select "Sign in again" to reconnect.',
};

const BUTTONS: Partial<Record<AuthFailureReason, string>> = {
  expired: 'Sign in again',
  not_yet_valid: 'Sign in again',
  ticket: 'Sign in again',
  scope: 'Grant consent',
  graph_consent: 'Grant consent',
};

/** The response to a refused token: 401 when there is no usable token, 403 when it is usable but not enough. */
export function authFailure(reason: AuthFailureReason, extra?: string): TabResponse {
  const status = reason === 'tenant' || reason === 'scope' || reason === 'graph_consent' ? 403 : 401;
  const consent =
    reason === 'tenant' ? { required: false } : { required: true, buttonLabel: BUTTONS[reason] ?? 'Sign in' };
  return {
    status,
    headers: {
      'www-authenticate': `Bearer error="${status === 401 ? 'invalid_token' : 'insufficient_scope'}"`,
    },
    body: {
      error: {
        code: reason === 'tenant' ? 'tenant_not_allowed' : 'consent_required',
        reason,
        message: extra ? `${MESSAGES[reason]} (${extra})` : MESSAGES[reason],
        consent,
      },
    },
  };
}

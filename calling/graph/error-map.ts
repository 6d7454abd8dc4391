// Graph failures → CallingError, with a message that says what to do. The access-policy wording and the
// calling service's 75xx/85xx codes come from Microsoft's docs and the public comms-samples issues.
import { CallingError } from '../errors';
import type { CallingErrorCode } from '../errors';
import { guidanceForCallingCode } from './calling-codes';
import { permissionFor } from './permission-hints';

/** A Graph answer that is not a success, plus what we know about the request. */
export interface GraphFailure {
  readonly status: number;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  readonly method: string;
  /** Version-less path, e.g. `/communications/calls/{id}/playPrompt`. */
  readonly path: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly attempts: number;
  readonly idempotent: boolean;
  readonly tenantId?: string;
}

/** Graph's error object, read tolerantly. */
export interface GraphErrorBody {
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
}

/** Reads `{ error: { code, message, innerError: { request-id } } }`; numeric codes become strings. */
export function readGraphError(body: unknown): GraphErrorBody {
  const err = (body as { error?: unknown } | null | undefined)?.error;
  if (!err || typeof err !== 'object')
    return typeof body === 'string' && body.trim() ? { message: body.trim().slice(0, 300) } : {};
  const e = err as { code?: unknown; message?: unknown; innerError?: unknown; innererror?: unknown };
  const inner = (e.innerError ?? e.innererror) as Record<string, unknown> | undefined;
  const requestId = inner?.['request-id'];
  return {
    code: typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : undefined,
    message: typeof e.message === 'string' ? e.message : undefined,
    requestId: typeof requestId === 'string' ? requestId : undefined,
  };
}

const CALL_PATH = /^\/(?:communications|app)\/calls\/([^/?]+)(?:\/([^/?]+))?(?:\/([^/?]+))?/i;
const ACCESS_POLICY = /application access policy|not authorized to .* on behalf of user/i;

/** The CallingError for a failed Graph answer. */
export function mapGraphError(f: GraphFailure): CallingError {
  const g = readGraphError(f.body);
  const requestId = f.requestId ?? g.requestId;
  const said = g.message ? `: ${g.message.trim().replace(/\.+$/, '')}` : '';
  const trace = ` [Graph ${f.status}${g.code ? ` ${g.code}` : ''}${requestId ? `, request-id ${requestId}` : ''}${f.clientRequestId ? `, client-request-id ${f.clientRequestId}` : ''}]`;
  const init = {
    status: f.status,
    graphCode: g.code,
    requestId,
    clientRequestId: f.clientRequestId,
    details: { method: f.method, path: f.path, attempts: f.attempts },
  };
  const make = (code: CallingErrorCode, text: string) => new CallingError(code, text + trace, init);
  const what = `${f.method} ${f.path}`;
  const call = CALL_PATH.exec(f.path);
  const callCode =
    g.code && /^\d+$/.test(g.code) ? guidanceForCallingCode(Number(g.code), f.tenantId) : undefined;

  if (ACCESS_POLICY.test(g.message ?? '') && (f.status === 401 || f.status === 403)) {
    return make('graph_access_policy_missing', accessPolicyGuidance(f.path));
  }
  if (callCode?.code === 'graph_call_gone') return make('graph_call_gone', callGone(call?.[1]));
  if (callCode) return make(callCode.code, `${what} was refused${said}. ${callCode.guidance}`);

  switch (true) {
    case f.status === 400:
      return make(
        'graph_bad_request',
        `Graph rejected ${what} as invalid${said}. This is a bug in the request we built; the message names the field.`,
      );
    case f.status === 401:
      return make(
        'graph_auth_failed',
        `Graph did not accept the app's token for ${what}${said}. Check MicrosoftAppId/MicrosoftAppPassword and that the token is for tenant ${f.tenantId ?? '(default)'}.`,
      );
    case f.status === 403:
      return make('graph_permission_missing', permissionGuidance(f, g.message));
    case f.status === 404 && call !== null:
      return make(...notFoundInCall(call[1] ?? '', call[2], call[3], said));
    case f.status === 404:
      return make('graph_not_found', `Graph found nothing at ${f.path}${said}. Check the id.`);
    case f.status === 429:
      return make(
        'graph_throttled',
        `Graph is throttling this app (still 429 after ${f.attempts} attempts). Slow down and try again in a minute.`,
      );
    case f.status === 504 && !f.idempotent:
      return make(
        'graph_timeout',
        `Graph timed out on ${what} (504): the request may or may not have taken effect. Check the current state (GET the call, or wait for its notification) before repeating it.`,
      );
    case f.status === 503 || f.status === 504:
      return make(
        'graph_unavailable',
        `Graph is unavailable (${f.status} after ${f.attempts} attempts) for ${what}${said}. Try again later.`,
      );
    default:
      return make('graph_error', `Graph failed ${what} with ${f.status}${said}.`);
  }
}

// Under a call, 404 on one participant or one operation says nothing about the call itself; anywhere
// else (the call, its actions, its roster) it means the call is gone.
function notFoundInCall(
  callId: string,
  sub: string | undefined,
  leaf: string | undefined,
  said: string,
): [CallingErrorCode, string] {
  const kind = sub?.toLowerCase();
  if (kind === 'participants' && leaf && leaf.toLowerCase() !== 'invite') {
    return [
      'graph_not_found',
      `Participant ${leaf} is not in call ${callId} (it left, or the call has ended)${said}.`,
    ];
  }
  if (kind === 'operations' && leaf) {
    return [
      'graph_not_found',
      `Operation ${leaf} of call ${callId} is not known (finished, or the call has ended)${said}.`,
    ];
  }
  return ['graph_call_gone', callGone(callId)];
}

function callGone(callId: string | undefined): string {
  return `${callId ? `Call ${callId}` : 'The call'} no longer exists (it was hung up or has ended); drop it locally.`;
}

function accessPolicyGuidance(path: string): string {
  const user = /^\/users\/([^/?]+)/i.exec(path)?.[1] ?? '<userObjectId>';
  return (
    `The app may not act for user ${user} on online meetings: the tenant has no application access policy for it. ` +
    'A Teams admin must run, in Teams PowerShell: ' +
    'New-CsApplicationAccessPolicy -Identity <policyName> -AppIds <appId> ; ' +
    `Grant-CsApplicationAccessPolicy -PolicyName <policyName> -Identity ${user} (or -Global for every user). ` +
    'The change can take up to 30 minutes to apply.'
  );
}

function permissionGuidance(f: GraphFailure, message: string | undefined): string {
  // Graph names the missing role in its message on most non-calling endpoints.
  const named = /requires one of '([^']+)'/i.exec(message ?? '')?.[1];
  const hinted = named ?? permissionFor(f.method, f.path);
  // A /me request carries the user's token: it needs a delegated permission, not an application one.
  const delegated = /^\/me\//i.test(f.path) || Boolean(hinted?.endsWith('(delegated)'));
  const permission = hinted?.replace(/ \(delegated\)$/, '');
  const kind = delegated ? 'delegated Graph permission' : 'Graph application permission';
  const need = !permission
    ? `the ${kind} this endpoint needs`
    : permission.includes(',')
      ? `one of the ${kind}s ${permission}`
      : `the ${kind} ${permission}`;
  const said = message ? ` (${message.trim().replace(/\.+$/, '')})` : '';
  return (
    `The app is not allowed to ${f.method} ${f.path}${said}. ` +
    `Add ${need} in Entra ID > App registrations > API permissions and have an admin of tenant ${f.tenantId ?? '(default)'} grant admin consent.`
  );
}

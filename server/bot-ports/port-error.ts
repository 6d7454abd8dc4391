// The calling module's errors in the shape the bot renders: a stable code, a sentence for people and
// what to do. The calling module's own wording (which names the PowerShell step, the permission, the
// request-id support asks for) becomes the hint.
import { CallOperationError, isCallingError } from '../../calling';
import type { PortFailure } from '../../bot';

/** A failure the bot shows as an error card as is. */
export class PortError extends Error implements PortFailure {
  override readonly name = 'PortError';
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// Graph request failures (calling's CallingError), by code.
const GRAPH: Readonly<Record<string, { message: string; hint?: string }>> = {
  graph_access_policy_missing: {
    message: 'Switchboard is not allowed to create or change meetings on your behalf yet.',
  },
  graph_permission_missing: { message: 'Switchboard lacks a Microsoft Graph permission for this.' },
  graph_auth_failed: { message: 'Switchboard could not sign in to Microsoft Graph.' },
  graph_throttled: {
    message: 'Microsoft Teams is asking Switchboard to slow down.',
    hint: 'Try again in a minute.',
  },
  graph_unavailable: { message: 'Microsoft Teams could not be reached just now.' },
  graph_timeout: {
    message: 'Microsoft Teams did not answer in time; the request may still have gone through.',
    hint: 'Look at the call card (or send "calls") before trying again.',
  },
  graph_call_gone: { message: 'That call has already ended.', hint: 'Send "calls" to see the live calls.' },
  graph_not_found: { message: 'Microsoft Teams does not know that any more.' },
  graph_bad_request: { message: 'Microsoft Teams refused the request.' },
  invalid_join_url: { message: 'That is not a Teams meeting link I can join.' },
  graph_error: { message: 'Microsoft Teams reported an error.' },
};

// Failures of the call model itself (CallOperationError), by code.
const CALL_MODEL: Readonly<Record<string, { message?: string; hint?: string }>> = {
  call_not_found: {
    message: 'I do not know that call: it ended a while ago or was placed elsewhere.',
    hint: 'Send "calls" to see the live calls.',
  },
  call_ended: { message: 'That call has already ended.', hint: 'Send "calls" to see the live calls.' },
  call_wrong_state: { hint: 'Press Refresh on the call card to see where the call is now.' },
  operation_timeout: {
    hint: 'Microsoft Teams did not confirm in time; look at the call card before trying again.',
  },
  operation_failed: { hint: 'Look at the call card to see where the call is now.' },
  operation_cancelled: {},
  invalid_request: {},
};

// The meetings service's own refusals already say what went wrong and what to do: shown as they are.
const MEETING_CODES = new Set(['meeting_not_found', 'not_organizer', 'meeting_cancelled', 'invalid_request']);

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** The port error for anything a calling operation threw; unknown errors pass through untouched. */
export function toPortError(err: unknown): unknown {
  if (err instanceof PortError || !(err instanceof Error)) return err;
  const code = str((err as { code?: unknown }).code);
  if (!code) return err;
  if (err instanceof CallOperationError) {
    const known = CALL_MODEL[code];
    if (!known) return err;
    return new PortError(code, known.message ?? err.message, known.hint, { cause: err });
  }
  if (isCallingError(err) && MEETING_CODES.has(code))
    return new PortError(code, err.message, undefined, { cause: err });
  if (isCallingError(err)) {
    const known = GRAPH[code] ?? GRAPH['graph_error']!;
    return new PortError(code, known.message, known.hint ?? err.message, { cause: err });
  }
  return err;
}

/** Runs a port operation, turning calling errors into port errors. */
export async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toPortError(err);
  }
}

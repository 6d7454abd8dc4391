import type { TabResponse } from './types';

/** A request the tab API refuses, with a message the UI can show as is. */
export class TabError extends Error {
  override readonly name = 'TabError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The error body every failure has. */
export function errorResponse(status: number, code: string, message: string): TabResponse {
  return { status, body: { error: { code, message } } };
}

/** A 400 naming what is wrong with the request. */
export const badRequest = (message: string): TabError => new TabError(400, 'bad_request', message);

/** A 503: this deployment has no calling (no Graph credentials). */
export const noCalling = (): TabError =>
  new TabError(
    503,
    'unavailable',
    'Calling is not set up in this deployment (MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId are needed).',
  );

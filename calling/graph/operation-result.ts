// The operation an action returns (SPEC §0.4): Graph puts it in the body, and its URL in the Location
// header; some actions answer 202 with the header only. Either way the caller gets an object with the id.
import type { CommsOperation } from '@microsoft/microsoft-graph-types';
import { CallingError } from '../errors';
import type { GraphResponse } from './types';

/** The operation of an action's answer, its id taken from the body or else the Location header. */
export function operationFrom<T extends CommsOperation>(res: GraphResponse<T>, what: string): T {
  const body = (res.body && typeof res.body === 'object' ? res.body : {}) as T;
  if (body.id) return body;
  const id = /\/operations\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(res.headers['location'] ?? '')?.[1];
  if (id) return { ...body, id: decodeURIComponent(id) };
  throw new CallingError(
    'graph_error',
    `Graph accepted ${what} (${res.status}) but named no operation (no id in the body, no Location header); ` +
      'its completion cannot be correlated except by clientContext.',
    { status: res.status, requestId: res.requestId, clientRequestId: res.clientRequestId },
  );
}

/** Encodes one path segment (an id). */
export function seg(id: string): string {
  if (id === '') throw new CallingError('graph_bad_request', 'An id in a Graph path is empty.');
  return encodeURIComponent(id);
}

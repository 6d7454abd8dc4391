// Writing an HttpResponse to the socket, with Graph's correlation headers on every answer.
import type { ServerResponse } from 'node:http';
import type { HttpResponse } from './types';

const JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Sends a response; objects become JSON, strings and Buffers go as they are. */
export function send(
  res: ServerResponse,
  response: HttpResponse,
  correlation: { requestId: string; clientRequestId: string },
): void {
  const headers: Record<string, string> = {
    'request-id': correlation.requestId,
    'client-request-id': correlation.clientRequestId,
    'Cache-Control': 'no-store',
    ...response.headers,
  };
  if (response.stream) {
    res.writeHead(response.status, headers);
    response.stream(res);
    return;
  }
  let payload: Buffer | string | undefined;
  const body = response.body;
  if (body === undefined || body === null) payload = undefined;
  else if (Buffer.isBuffer(body)) payload = body;
  else if (typeof body === 'string') payload = body;
  else {
    payload = JSON.stringify(body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['Content-Type'] = JSON_TYPE;
  }
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
  else if (response.status !== 204 && response.status !== 304) headers['Content-Length'] = '0';
  res.writeHead(response.status, headers);
  res.end(payload);
}

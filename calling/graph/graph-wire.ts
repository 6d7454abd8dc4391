// The two ends of a request on graph-client's side: which GraphRequest verb sends it, and how the raw
// answer's body is read.
import type { GraphRequest } from '@microsoft/microsoft-graph-client';
import type { GraphRequestSpec } from './types';

/** Sends `req` with the verb of `spec` (graph-client serialises the body as JSON). */
export function dispatch(req: GraphRequest, spec: GraphRequestSpec): Promise<unknown> {
  switch (spec.method) {
    case 'GET':
      return req.get();
    case 'POST':
      return req.post(spec.body);
    case 'PATCH':
      return req.patch(spec.body);
    case 'PUT':
      return req.put(spec.body);
    case 'DELETE':
      return req.delete();
  }
}

/** JSON when it parses, the text otherwise, undefined when empty. */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType && !/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Graph sometimes labels proxy error pages as JSON; keep the text for the error message.
    return text;
  }
}

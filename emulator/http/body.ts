// Request bodies: read with a size limit, parse JSON with Graph's wording on failure.
import type { IncomingMessage } from 'node:http';
import { GraphError } from './errors';

/** Graph refuses bodies larger than this (4 MB). */
export const BODY_LIMIT = 4 * 1024 * 1024;

/** Reads a whole request body as UTF-8; rejects with 413 past the limit. */
export async function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<string> {
  return (await readBodyBytes(req, limit)).toString('utf8');
}

/** Reads a whole request body as bytes (audio); rejects with 413 past the limit. */
export function readBodyBytes(req: IncomingMessage, limit = BODY_LIMIT): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(
          new GraphError(413, 'RequestEntityTooLarge', `The request body exceeds the ${limit} byte limit.`),
        );
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

const UNREADABLE =
  'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

/** Parses a JSON object body; an empty body is {} when allowed (actions with only optional parameters). */
export function parseJsonObject(raw: string, allowEmpty: boolean): Record<string, unknown> {
  if (raw.trim() === '') {
    if (allowEmpty) return {};
    throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new GraphError(400, 'BadRequest', UNREADABLE);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new GraphError(400, 'BadRequest', UNREADABLE);
  return value as Record<string, unknown>;
}

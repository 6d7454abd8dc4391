import type { IncomingMessage } from 'node:http';
import { AppError } from '../app-error';

/**
 * Reads a request body up to `limit` bytes. Oversize fails before reading when Content-Length says so,
 * and as soon as the stream passes the limit otherwise; a client that goes away mid-body rejects with
 * `client_closed` (nobody is left to answer, but the process carries on).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(tooLarge(limit));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: AppError | undefined, body?: Buffer) => {
      if (settled) return;
      settled = true;
      req
        .off('data', onData)
        .off('end', onEnd)
        .off('aborted', onAborted)
        .off('error', onError)
        .off('close', onClose);
      if (err) reject(err);
      else resolve(body ?? Buffer.alloc(0));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; the rest of the upload is drained and discarded by the response path.
        req.resume();
        finish(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(undefined, Buffer.concat(chunks, size));
    const onAborted = () =>
      finish(new AppError('client_closed', 'The client closed the connection mid-body.'));
    const onError = (e: Error) =>
      finish(
        new AppError('client_closed', 'The request stream failed before the body was complete.', undefined, {
          cause: e,
        }),
      );
    const onClose = () => {
      if (!req.complete) onAborted();
    };
    req
      .on('data', onData)
      .on('end', onEnd)
      .on('aborted', onAborted)
      .on('error', onError)
      .on('close', onClose);
  });
}

/** The refusal of a body over `limit` bytes. */
export function tooLarge(limit: number): AppError {
  return new AppError(
    'payload_too_large',
    `The request body is larger than this endpoint accepts (${limit} bytes).`,
    {
      limit,
    },
  );
}

/** Parses a JSON body; malformed JSON is a 400 that says where parsing stopped. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0)
    throw new AppError('invalid_json', 'The request body is empty; this endpoint expects JSON.');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    const detail = e instanceof SyntaxError ? e.message : 'unreadable';
    throw new AppError('invalid_json', `The request body is not valid JSON: ${detail}`);
  }
}

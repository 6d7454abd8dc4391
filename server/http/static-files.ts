import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';
import type { Edge } from './types';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves files under `root` for a route like `/prompts/*`. Paths that climb out of root, hidden files
 * and directories are 404s; `index` (if given) answers the bare prefix.
 */
export function staticFiles(
  root: string,
  prefix: string,
  opts: { index?: string; maxAgeSeconds?: number } = {},
): Edge {
  const base = path.resolve(root);
  return async (req) => {
    let rel = decodeURIComponent(req.path.slice(prefix.length)).replace(/^\/+/, '');
    if (rel === '' && opts.index) rel = opts.index;
    const full = path.resolve(base, rel);
    const inside = full.startsWith(base + path.sep);
    if (!inside || rel.split('/').some((seg) => seg.startsWith('.'))) throw notFound(req.path);
    const info = await stat(full).catch(() => undefined);
    if (!info?.isFile()) throw notFound(req.path);
    // Small files are read whole; this keeps the edge contract (status + body) simple.
    const body = await readFile(full);
    return {
      status: 200,
      headers: {
        'content-type': TYPES[path.extname(full).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': `public, max-age=${opts.maxAgeSeconds ?? 300}`,
        'last-modified': info.mtime.toUTCString(),
      },
      body,
    };
  };
}

function notFound(p: string): AppError {
  return new AppError('not_found', `No file at ${p}.`);
}

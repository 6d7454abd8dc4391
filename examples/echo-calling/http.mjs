// The example's routes on plain node:http: the calling webhook, the prompt files Graph fetches, and
// POST /call?user=<id> to place a call.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { isCallingError } from '@switchboard/calling';

const MAX_BODY_BYTES = 1024 * 1024;
const PROMPT_FILE = /^\/prompts\/([a-z0-9-]+\.wav)$/;

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, 'The body is larger than 1 MB.'));
      else chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'The body is not JSON.'));
      }
    });
  });
}

function send(res, { status, headers = {}, body }) {
  // The webhook's refusals come serialised already; audio comes as bytes.
  const raw = body === undefined || typeof body === 'string' || Buffer.isBuffer(body);
  const type = raw ? {} : { 'content-type': 'application/json; charset=utf-8' };
  res.writeHead(status, { ...type, ...headers });
  res.end(raw ? body : JSON.stringify(body));
}

function statusOf(err) {
  if (err instanceof HttpError) return err.status;
  // A request Graph could not act on says why; a bad target is the asker's to fix.
  if (isCallingError(err)) return err.code === 'invalid_request' ? 400 : 502;
  return 500;
}

/** The webhook exactly as the package verifies it: the token first, then the body, then 202. */
async function webhook(edge, req) {
  return edge.early(req.headers) ?? edge({ headers: req.headers, json: () => readJson(req) });
}

async function placeCall(calling, url) {
  const user = url.searchParams.get('user');
  if (!user) throw new HttpError(400, "Say whom to call: POST /call?user=<the person's user id>.");
  const call = await calling.placeCall({ to: { user } });
  return { status: 202, body: { callId: call.id } };
}

async function prompt(dir, name) {
  try {
    return {
      status: 200,
      headers: { 'content-type': 'audio/wav' },
      body: await readFile(new URL(name, dir)),
    };
  } catch {
    throw new HttpError(404, `There is no prompt ${name}.`);
  }
}

/** The server; `promptsDir` is a file: URL ending in a slash. */
export function createServer({ edge, calling, promptsDir, log }) {
  async function route(req) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/api/calls') return webhook(edge, req);
    if (req.method === 'POST' && url.pathname === '/call') return placeCall(calling, url);
    const file = req.method === 'GET' ? PROMPT_FILE.exec(url.pathname) : null;
    if (file?.[1]) return prompt(promptsDir, file[1]);
    throw new HttpError(404, `Nothing is served at ${req.method} ${url.pathname}.`);
  }
  return http.createServer((req, res) => {
    route(req)
      .then((answer) => send(res, answer))
      .catch((err) => {
        const status = statusOf(err);
        if (status >= 500) log.error({ err, path: req.url }, 'request failed');
        const message = status === 500 ? 'Something went wrong here; the log says what.' : err.message;
        send(res, { status, body: { error: { code: String(status), message } } });
      });
  });
}

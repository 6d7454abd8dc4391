// The example's routes on restify: the bot's messages (botbuilder's CloudAdapter), the calling webhook,
// and the prompt files Graph fetches and plays.
import { readFile } from 'node:fs/promises';
import restify from 'restify';

const MAX_BODY_BYTES = 1024 * 1024;

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The raw body as JSON, read only once the webhook has verified the caller's token. */
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
  res.sendRaw(status, raw ? (body ?? '') : JSON.stringify(body), { ...type, ...headers });
}

// botbuilder checks an activity's shape before its own error handling starts, and throws.
const isBadActivity = (err) =>
  err instanceof Error && (err.name === 'ZodError' || err.message.startsWith('validateAndFixActivity'));

/** Runs a route; whatever it throws becomes one JSON error, logged when it is ours to fix. */
function guarded(log, route) {
  return async (req, res) => {
    try {
      await route(req, res);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : isBadActivity(err) ? 400 : 500;
      if (status >= 500) log.error({ err, path: req.url }, 'request failed');
      const message =
        status === 500
          ? 'Something went wrong here; the log says what.'
          : isBadActivity(err)
            ? 'The body is not a valid Bot Framework activity.'
            : err.message;
      if (!res.headersSent) send(res, { status, body: { error: { code: String(status), message } } });
    }
  };
}

/** The server; `promptsDir` is a file: URL ending in a slash. */
export function createServer({ adapter, bot, edge, promptsDir, log }) {
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });

  // The bot: Bot Framework posts each activity here; the adapter authenticates it and runs the turn.
  server.post(
    '/api/messages',
    restify.plugins.jsonBodyParser({ maxBodySize: MAX_BODY_BYTES }),
    guarded(log, (req, res) => adapter.process(req, res, (context) => bot.run(context))),
  );

  // Calling: the webhook exactly as the package verifies it, the token first, then the body, then 202.
  server.post(
    '/api/calls',
    guarded(log, async (req, res) =>
      send(res, edge.early(req.headers) ?? (await edge({ headers: req.headers, json: () => readJson(req) }))),
    ),
  );

  server.get(
    '/prompts/:name',
    guarded(log, async (req, res) => {
      const { name } = req.params;
      if (!/^[a-z0-9-]+\.wav$/.test(name)) throw new HttpError(404, `There is no prompt ${name}.`);
      const audio = await readFile(new URL(name, promptsDir)).catch(() => {
        throw new HttpError(404, `There is no prompt ${name}.`);
      });
      send(res, { status: 200, headers: { 'content-type': 'audio/wav' }, body: audio });
    }),
  );
  return server;
}

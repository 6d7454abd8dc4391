// The reflex responder: a second app for the call storm's control rounds. It answers every incoming
// call and reacts to each key with the requests the shipped menu makes (reflex-table.ts) as fast as it
// can: no token check, no parsing beyond JSON.parse, no storage, no flow. It serves its own prompts.
// Run by bench/call-storm.ts; prints {"reflex":"ready","port":N} once it listens.
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { reflexGraph } from './graph-client';
import { reflexRequests, reflexState, type GraphRequest } from './reflex-table';

const need = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`the reflex responder needs ${name}`);
  return v;
};

const promptsDir = need('REFLEX_PROMPTS_DIR');
const prompts = new Map(
  readdirSync(promptsDir)
    .filter((f) => f.endsWith('.wav'))
    .map((f) => [f, readFileSync(path.join(promptsDir, f))]),
);
const graph = reflexGraph({
  base: need('REFLEX_EMULATOR_URL'),
  tenantId: need('REFLEX_TENANT_ID'),
  appId: need('REFLEX_APP_ID'),
  secret: need('REFLEX_APP_SECRET'),
  caPem: readFileSync(need('REFLEX_CA_FILE'), 'utf8'),
});
const state = reflexState();
// One chain per call, so that a cancel goes out before the prompt that follows it.
const chains = new Map<string, Promise<void>>();
let failures = 0;

function sendInOrder(callPath: string, requests: GraphRequest[]): void {
  const before = chains.get(callPath) ?? Promise.resolve();
  const next = before.then(async () => {
    for (const r of requests) {
      const res = await graph.send(r.method, r.path, r.body);
      if (res.status >= 400 && ++failures <= 20)
        process.stderr.write(`reflex: ${r.method} ${r.path} → ${res.status} ${JSON.stringify(res.body)}\n`);
    }
  });
  const settled = next.catch((err: unknown) => {
    process.stderr.write(`reflex: ${callPath}: ${err instanceof Error ? err.message : String(err)}\n`);
  });
  chains.set(callPath, settled);
  void settled.then(() => {
    if (chains.get(callPath) === settled) chains.delete(callPath);
  });
}

function onNotifications(text: string): void {
  const envelope = JSON.parse(text) as { value?: unknown[] };
  for (const n of envelope.value ?? []) {
    const requests = reflexRequests(n as Parameters<typeof reflexRequests>[0], settings, state);
    const first = requests[0];
    if (first) sendInOrder(first.path.split('/').slice(0, 4).join('/'), requests);
  }
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url?.startsWith('/prompts/')) {
    const wav = prompts.get(path.basename(req.url));
    res.writeHead(wav ? 200 : 404, { 'content-type': 'audio/wav' });
    res.end(wav);
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    res.writeHead(202);
    res.end();
    try {
      onNotifications(Buffer.concat(chunks).toString('utf8'));
    } catch (err) {
      process.stderr.write(`reflex: unreadable notification: ${String(err)}\n`);
    }
  });
});

let settings: Parameters<typeof reflexRequests>[1];
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  settings = {
    promptsBase: `${base}/prompts`,
    callbackUri: `${base}/api/calls`,
    tenantId: need('REFLEX_TENANT_ID'),
    sales: need('REFLEX_SALES'),
    support: need('REFLEX_SUPPORT'),
  };
  process.stdout.write(`${JSON.stringify({ reflex: 'ready', port, url: base })}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  graph.close();
  process.exit(0);
});

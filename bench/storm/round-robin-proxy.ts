// A round-robin HTTP load balancer for the call storm's two app instances: each request goes to the
// next instance in turn, whatever its path (the calling webhook, the prompts Graph fetches). Run by
// bench/call-storm.ts with PROXY_UPSTREAMS=http://127.0.0.1:a,http://127.0.0.1:b and PROXY_PORT;
// prints {"proxy":"ready","port":N} once it listens.
import http from 'node:http';

const upstreams = (process.env.PROXY_UPSTREAMS ?? '')
  .split(',')
  .filter(Boolean)
  .map((u) => new URL(u));
if (upstreams.length === 0) throw new Error('PROXY_UPSTREAMS names no upstream');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

const server = http.createServer((req, res) => {
  const target = upstreams[next++ % upstreams.length]!;
  const out = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  out.on('error', (err) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'bad_gateway', message: `${target.host}: ${err.message}` } }));
  });
  req.pipe(out);
});

server.listen(Number(process.env.PROXY_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ proxy: 'ready', port, upstreams: upstreams.map(String) })}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  agent.destroy();
  process.exit(0);
});

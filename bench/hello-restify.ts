// The control for HTTP benchmarks: the smallest restify 11 server that answers a POST, run in its own
// process exactly as the app is, so the ratio cancels out this machine's speed and noise.
import restify from 'restify';

const server = restify.createServer({ name: 'hello' });
server.post('/hello', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
  res.writeHead(202);
  res.end();
  next();
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const addr = server.server.address();
  process.stdout.write(
    `${JSON.stringify({ ready: true, port: typeof addr === 'object' && addr ? addr.port : 0 })}\n`,
  );
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));

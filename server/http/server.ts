import type { Logger } from '../logger';
import { DEFAULT_BODY_LIMIT } from './answer';
import { startFront, type Front, type HandedRoute } from './front';
import { createRestifyServer, type HttpServer } from './restify-adapter';
import type { Route } from './types';

/**
 * The app's HTTP server: the front thread (front.ts) listens on host:port and hands over the routes
 * marked `handOver`; everything else it forwards to restify's server on a loopback port of its own.
 * That server keeps idle connections 65 s, longer than the front keeps them (30 s), so the front never
 * sends a request on a connection the server is closing.
 */
export function createHttpServer(routes: readonly Route[], logger: Logger): HttpServer {
  const app = createRestifyServer(routes, logger, { keepAliveMs: 65_000 });
  const handOver = new Map<string, HandedRoute>();
  for (const route of routes) {
    if (!route.handOver) continue;
    if (/[:*]/.test(route.path)) throw new Error(`handOver needs a fixed path, not ${route.path}`);
    handOver.set(`${route.method} ${route.path}`, { route, limit: route.maxBodyBytes ?? DEFAULT_BODY_LIMIT });
  }
  const limits = routes.map((r) => ({
    method: r.method,
    path: r.path,
    limit: r.maxBodyBytes ?? DEFAULT_BODY_LIMIT,
  }));
  let front: Front | undefined;
  return {
    async listen(port, host) {
      const inner = await app.listen(0, '127.0.0.1');
      try {
        front = await startFront({ port, host, upstreamPort: inner.port, handOver, limits, logger });
      } catch (err) {
        await app.close(0);
        throw err;
      }
      return { port: front.port, url: `http://${host.includes(':') ? `[${host}]` : host}:${front.port}` };
    },
    async close(graceMs) {
      await front?.close(graceMs);
      await app.close(graceMs);
    },
  };
}

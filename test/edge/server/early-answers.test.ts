import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createRestifyServer, type HttpServer } from '../../../server/http/restify-adapter';
import { createHttpServer } from '../../../server/http/server';
import type { EdgeResponse, Route } from '../../../server/http/types';
import { createLogger } from '../../../server/logger';

// Route.early: an answer from the headers alone, before the edge runs. The same cases on both ways in:
// restify's server alone, and the app's front thread handing the route over to the main thread.
const WAYS_IN = [
  { name: 'in front of restify', make: createRestifyServer, handOver: false },
  { name: 'on requests the front thread hands over', make: createHttpServer, handOver: true },
] as const;

for (const way of WAYS_IN)
  describe(`server edge: early answers ${way.name}`, () => {
    let server: HttpServer;
    let url: string;
    let routed: string[];
    let earlyCalls: number;
    let lenient: boolean;
    let logged: string[];

    const refusal: EdgeResponse = {
      status: 403,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"error":{"code":"forbidden","message":"no"}}',
    };

    before(async () => {
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          logged.push(chunk.toString());
          done();
        },
      });
      const routes: Route[] = [
        {
          method: 'POST',
          path: '/guarded',
          maxBodyBytes: 512,
          handle: async (req) => {
            routed.push(`${req.method} ${req.path}`);
            return { status: 202 };
          },
          early: (headers) => {
            earlyCalls++;
            if (headers['x-explode']) throw new Error('early check broke');
            return headers['x-refuse'] && !lenient ? refusal : undefined;
          },
          handOver: way.handOver,
          ...(way.handOver ? { earlyBy: { header: 'x-refuse', holdMs: 60_000 } } : {}),
        },
      ];
      server = way.make(routes, createLogger({ level: 'info', destination: sink }));
      ({ url } = await server.listen(0, '127.0.0.1'));
    });
    after(() => server.close(100));
    beforeEach(() => {
      routed = [];
      earlyCalls = 0;
      lenient = false;
      logged = [];
    });

    const post = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${url}${path}`, { method: 'POST', headers, body: '{"value":[]}' });

    it('an early answer is sent as is and the route never runs', async () => {
      const res = await post('/guarded?x=1', { 'x-refuse': '1' });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.deepEqual(await res.json(), { error: { code: 'forbidden', message: 'no' } });
      assert.deepEqual(routed, []);
    });

    it('undefined lets the request through to the route', async () => {
      const res = await post('/guarded');
      assert.equal(res.status, 202);
      assert.deepEqual(routed, ['POST /guarded']);
    });

    it('only the exact method and path are answered early; the rest is restify’s as before', async () => {
      const get = await fetch(`${url}/guarded`, { headers: { 'x-refuse': '1' } });
      assert.equal(get.status, 405);
      const other = await post('/elsewhere', { 'x-refuse': '1' });
      assert.equal(other.status, 404);
      assert.deepEqual(routed, []);
    });

    it('a declared oversize body still gets the 413 the routed path gives first', async () => {
      const res = await fetch(`${url}/guarded`, {
        method: 'POST',
        headers: { 'x-refuse': '1' },
        body: 'x'.repeat(1024),
      });
      assert.equal(res.status, 413);
      assert.deepEqual(routed, []);
    });

    it('an early check that throws is logged and the request goes to its route', async () => {
      const res = await post('/guarded', { 'x-explode': '1' });
      assert.equal(res.status, 202);
      assert.deepEqual(routed, ['POST /guarded']);
      assert.ok(logged.some((l) => l.includes('early answer failed')));
    });

    it('a refusal repeated 50 times is given 50 times, and the early answer accounts for every one', async () => {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => post('/guarded', { 'x-refuse': 'same' }).then((r) => r.status)),
      );
      assert.deepEqual(new Set(answers), new Set([403]));
      assert.deepEqual(routed, []);
      // The front thread reports the answers it gave itself in batches (every quarter second).
      for (let i = 0; i < 50 && earlyCalls < 50; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(earlyCalls, 50);
    });

    if (way.handOver)
      it('the front thread gives a refusal it holds itself, for the same header value only', async () => {
        assert.equal((await post('/guarded', { 'x-refuse': 'held' })).status, 403);
        // From now on the main thread would let the value through; the front still holds its refusal.
        lenient = true;
        for (let i = 0; i < 5; i++)
          assert.equal((await post('/guarded', { 'x-refuse': 'held' })).status, 403);
        assert.deepEqual(routed, []);
        assert.equal((await post('/guarded', { 'x-refuse': 'other' })).status, 202);
        assert.deepEqual(routed, ['POST /guarded']);
        for (let i = 0; i < 50 && earlyCalls < 7; i++) await new Promise((r) => setTimeout(r, 20));
        assert.equal(earlyCalls, 7);
      });

    it('the connection stays usable after an early answer (keep-alive, unread body drained)', async () => {
      for (let i = 0; i < 5; i++) {
        const res = await post('/guarded', i % 2 ? {} : { 'x-refuse': '1' });
        assert.equal(res.status, i % 2 ? 202 : 403);
        await res.arrayBuffer();
      }
      assert.equal(routed.length, 2);
    });
  });

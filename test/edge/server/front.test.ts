import assert from 'node:assert/strict';
import net from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { AppError } from '../../../server/errors';
import type { HttpServer } from '../../../server/http/restify-adapter';
import { createHttpServer } from '../../../server/http/server';
import type { Route } from '../../../server/http/types';
import { createLogger } from '../../../server/logger';

/** One raw HTTP/1.1 exchange on a new connection: what the client receives until the server closes or `until` matches. */
function rawExchange(port: number, request: string, until?: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (until?.test(received)) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
    socket.write(request);
  });
}

// The app's HTTP server as a client meets it: the front thread accepts every connection, hands the
// routes marked handOver to the main thread as messages and forwards the rest to restify on loopback.
describe('server edge: the front thread', () => {
  let server: HttpServer;
  let url: string;
  let port: number;
  let handed: string[];
  let streams: PassThrough[];
  let logged: string[];
  let hold: Promise<void> | undefined;

  const routes: Route[] = [
    {
      method: 'POST',
      path: '/intake',
      maxBodyBytes: 1024,
      handOver: true,
      handle: async (req) => {
        const body = (await req.json()) as { n?: number; fail?: boolean };
        handed.push(`${req.method} ${req.path}?${req.query.toString()} ${JSON.stringify(req.params)}`);
        if (body.fail) throw new AppError('conflict', 'refused on purpose');
        await hold;
        return { status: 202, headers: { 'x-seen': String(body.n) }, body: { n: body.n } };
      },
    },
    {
      method: 'POST',
      path: '/guard',
      maxBodyBytes: 1024,
      handOver: true,
      // Refuses from the headers alone, never reading the body (as the webhook does a forged token).
      handle: async () => ({ status: 403 }),
    },
    {
      method: 'POST',
      path: '/echo/:id',
      handle: async (req) => ({
        status: 201,
        headers: { 'x-route': 'echo', 'set-cookie': 'a=1' },
        body: {
          id: req.params.id,
          q: req.query.get('q'),
          header: req.headers['x-test'],
          body: await req.text(),
        },
      }),
    },
    {
      method: 'GET',
      path: '/events',
      handle: async () => {
        const stream = new PassThrough();
        streams.push(stream);
        stream.write('data: first\n\n');
        return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: stream };
      },
    },
  ];

  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    server = createHttpServer(routes, createLogger({ level: 'debug', destination: sink }));
    ({ url, port } = await server.listen(0, '127.0.0.1'));
  });
  after(() => server.close(100));
  beforeEach(() => {
    handed = [];
    streams = [];
    logged = [];
    hold = undefined;
  });

  it('hands a request over whole: the edge sees its method, path, query and JSON body', async () => {
    const res = await fetch(`${url}/intake?x=1`, { method: 'POST', body: '{"n":7}' });
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('x-seen'), '7');
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(await res.json(), { n: 7 });
    assert.deepEqual(handed, ['POST /intake?x=1 {}']);
  });

  it('a handed-over edge that throws answers in the one error shape', async () => {
    const res = await fetch(`${url}/intake`, { method: 'POST', body: '{"fail":true}' });
    assert.equal(res.status, 409);
    assert.deepEqual(await res.json(), { error: { code: 'conflict', message: 'refused on purpose' } });
    const bad = await fetch(`${url}/intake`, { method: 'POST', body: '{"n":' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'invalid_json');
  });

  it('a handed-over body over the limit gets 413 and the connection closes, declared or chunked', async () => {
    const declared = await rawExchange(
      port,
      `POST /intake HTTP/1.1\r\nHost: x\r\nContent-Length: 2048\r\n\r\n${'x'.repeat(2048)}`,
    );
    assert.match(declared, /^HTTP\/1\.1 413 /);
    assert.match(declared, /connection: close/i);
    assert.match(declared, /"code":"payload_too_large"/);
    const chunk = 'x'.repeat(600);
    const chunked = await rawExchange(
      port,
      `POST /intake HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n` +
        `258\r\n${chunk}\r\n258\r\n${chunk}\r\n0\r\n\r\n`,
    );
    assert.match(chunked, /^HTTP\/1\.1 413 /);
    assert.deepEqual(handed, []);
  });

  it('an edge that answers without reading an oversize body leaves no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const chunk = 'x'.repeat(600);
      const answer = await rawExchange(
        port,
        `POST /guard HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n` +
          `258\r\n${chunk}\r\n258\r\n${chunk}\r\n0\r\n\r\n`,
      );
      assert.match(answer, /^HTTP\/1\.1 403 /);
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('a body that comes slowly follows its headers, and the edge gets all of it', async () => {
    const body = '{"n":42}';
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
      socket.write(
        `POST /intake HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 4)}`,
      );
      setTimeout(() => socket.write(body.slice(4)), 150);
    });
    assert.match(answer, /^HTTP\/1\.1 202 /);
    assert.match(answer, /x-seen: 42\r\n/);
    assert.deepEqual(handed, ['POST /intake? {}']);
  });

  it('answers a burst of 200 new connections while the main thread is busy, each request once', async () => {
    // The main thread is held in 30 ms turns of work while the burst connects: what the front is for.
    let busy = true;
    const spin = () => {
      const until = Date.now() + 30;
      while (Date.now() < until);
      if (busy) setImmediate(spin);
    };
    setImmediate(spin);
    try {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, n) =>
          rawExchange(
            port,
            `POST /intake HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${`{"n":${n}}`.length}\r\n\r\n{"n":${n}}`,
          ),
        ),
      );
      assert.deepEqual(
        answers.map((a, n) => (a.startsWith('HTTP/1.1 202 ') && a.includes(`x-seen: ${n}\r\n`) ? n : -1)),
        Array.from({ length: 200 }, (_, n) => n),
      );
      assert.equal(handed.length, 200);
    } finally {
      busy = false;
    }
  });

  it('forwards other routes with their path parameters, query, headers and body, and the answer’s headers', async () => {
    const res = await fetch(`${url}/echo/42?q=yes`, {
      method: 'POST',
      headers: { 'x-test': 'on' },
      body: 'hello',
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('x-route'), 'echo');
    assert.equal(res.headers.get('set-cookie'), 'a=1');
    assert.deepEqual(await res.json(), { id: '42', q: 'yes', header: 'on', body: 'hello' });
    assert.deepEqual(handed, []);
  });

  it('refuses a forwarded upload over its route’s limit with 413, every time, declared or chunked', async () => {
    // /echo/:id has the default limit (64 KB); restify would cut the connection mid-upload, which a
    // forwarder cannot relay reliably, so the front refuses first.
    const chunk = 'x'.repeat(8 * 1024);
    const chunked = `${'2000\r\n' + chunk + '\r\n'}`.repeat(9) + '0\r\n\r\n';
    for (let i = 0; i < 10; i++) {
      const answer = await rawExchange(
        port,
        `POST /echo/${i} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${chunked}`,
      );
      assert.match(answer, /^HTTP\/1\.1 413 /);
      assert.match(answer, /"code":"payload_too_large"/);
    }
    const declared = await fetch(`${url}/echo/1`, { method: 'POST', body: 'x'.repeat(64 * 1024 + 1) });
    assert.equal(declared.status, 413);
    const slash = await fetch(`${url}/echo/1/`, { method: 'POST', body: 'x'.repeat(64 * 1024 + 1) });
    assert.equal(slash.status, 413);
    const within = await fetch(`${url}/echo/1`, { method: 'POST', body: 'x'.repeat(64 * 1024) });
    assert.equal(within.status, 201);
  });

  it('forwards restify’s 404 and 405 in the one error shape', async () => {
    const missing = await fetch(`${url}/nowhere`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
    const wrong = await fetch(`${url}/intake`);
    assert.equal(wrong.status, 405);
    assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'method_not_allowed');
  });

  it('streams a long-lived answer as it is written, and closes it when the client goes away', async () => {
    const first = await rawExchange(port, 'GET /events HTTP/1.1\r\nHost: x\r\n\r\n', /data: first/);
    assert.match(first, /^HTTP\/1\.1 200 /);
    assert.match(first, /content-type: text\/event-stream/i);
    const stream = streams[0];
    assert.ok(stream);
    // The client closed its connection: the front drops its request to the app, whose stream is destroyed.
    for (let i = 0; i < 100 && !stream.destroyed; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(stream.destroyed, true);
  });

  it('a taken port rejects listen with EADDRINUSE', async () => {
    const other = createHttpServer(routes, createLogger({ level: 'silent' }));
    await assert.rejects(other.listen(port, '127.0.0.1'), { code: 'EADDRINUSE' });
    await other.close(0);
  });

  it('close lets a request in flight finish, then nothing accepts', async () => {
    const own = createHttpServer(routes, createLogger({ level: 'silent' }));
    const { url: ownUrl } = await own.listen(0, '127.0.0.1');
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    const pending = fetch(`${ownUrl}/intake`, { method: 'POST', body: '{"n":1}' });
    while (handed.length === 0) await new Promise((r) => setTimeout(r, 10));
    const closed = own.close(5000);
    setTimeout(release, 100);
    const res = await pending;
    assert.equal(res.status, 202);
    await closed;
    await assert.rejects(fetch(`${ownUrl}/healthz`));
  });

  it('close waits at most its grace for a request that never finishes', async () => {
    const own = createHttpServer(routes, createLogger({ level: 'silent' }));
    const { url: ownUrl } = await own.listen(0, '127.0.0.1');
    hold = new Promise(() => undefined);
    const outcome = fetch(`${ownUrl}/intake`, { method: 'POST', body: '{"n":1}' }).then(
      (res) => `answered ${res.status}`,
      () => 'connection dropped',
    );
    while (handed.length === 0) await new Promise((r) => setTimeout(r, 10));
    await own.close(100);
    assert.equal(await outcome, 'connection dropped');
  });
});

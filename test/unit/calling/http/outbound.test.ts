// The app's one dispatcher against loopback servers, through fetch and through sendText (the Graph
// client's way): telling "never left" from "may have reached the server", trusting the extra CA on top of
// the system roots, and saying clearly when a server's CA is unknown.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { CallingError } from '../../../../calling/errors';
import type { TokenProvider } from '../../../../calling/graph/app-token';
import { createGraphClient } from '../../../../calling/graph/graph-client';
import { createOutbound, transportError, type TransportError } from '../../../../calling/http';
import { MAX_CONNECTIONS_PER_ORIGIN } from '../../../../calling/http/outbound';
import { createFetchJson } from '../../../../calling/webhook/fetch-json';
import { loadOrCreateTls, type TlsMaterial } from '../../../../emulator/tls';
import { eventually } from '../core/fakes';

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('outbound fetch', function () {
  this.timeout(20_000);
  const outbound = createOutbound();
  const closers: Array<() => unknown> = [];
  after(async () => {
    for (const close of closers) await close();
    await outbound.close();
  });

  type Via = 'fetch' | 'sendText';
  async function failure(
    method: string,
    url: string,
    timeoutMs = 2000,
    body?: string,
    via: Via = 'fetch',
  ): Promise<TransportError> {
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      if (via === 'sendText')
        await outbound.sendText(url, { method, headers: {}, signal, ...(body ? { body } : {}) });
      else await (await outbound.fetch(url, { method, signal, ...(body ? { body } : {}) })).text();
    } catch (err) {
      return transportError(err, { method, url, timeoutMs });
    }
    assert.fail('the request succeeded');
  }

  let material: TlsMaterial;
  before(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-outbound-'));
    closers.push(() => rm(dir, { recursive: true, force: true }));
    material = await loadOrCreateTls(dir);
  });

  async function privateServer(): Promise<string> {
    const server = https.createServer({ key: material.keyPem, cert: material.certPem }, (_req, res) =>
      res.end('{"ok":true}'),
    );
    closers.push(() => server.close());
    return `https://localhost:${await listen(server)}`;
  }

  for (const via of ['fetch', 'sendText'] as const) {
    it(`${via}: reports a refused connection as never sent`, async () => {
      const server = http.createServer();
      const port = await listen(server);
      await new Promise((r) => server.close(r));
      const err = await failure('POST', `http://127.0.0.1:${port}/x`, 2000, '{}', via);
      assert.equal(err.maybeSent, false);
      assert.equal(err.errorCode, 'ECONNREFUSED');
      assert.equal(err.certificate, false);
    });

    it(`${via}: reports a connection dropped after the request arrived as maybe sent`, async () => {
      let arrived = false;
      const server = http.createServer((req) => {
        arrived = true;
        req.socket.destroy();
      });
      closers.push(() => server.close());
      const err = await failure('POST', `http://127.0.0.1:${await listen(server)}/x`, 2000, '{}', via);
      assert.ok(arrived);
      assert.equal(err.maybeSent, true);
      assert.equal(err.timedOut, false);
    });

    it(`${via}: reports a server that never answers as a timeout after sending`, async () => {
      const server = http.createServer(() => undefined);
      closers.push(() => server.close());
      closers.push(() => server.closeAllConnections());
      const started = Date.now();
      const err = await failure('GET', `http://127.0.0.1:${await listen(server)}/x`, 300, undefined, via);
      assert.ok(Date.now() - started >= 290);
      assert.equal(err.timedOut, true);
      assert.equal(err.maybeSent, true);
      assert.match(err.message, /timed out after 300 ms/);
    });

    it(`${via}: rejects an unknown CA as a certificate problem before sending, and trusts it as the extra CA`, async () => {
      const url = `${await privateServer()}/x`;
      const err = await failure('POST', url, 5000, '{}', via);
      assert.equal(err.certificate, true, `code ${err.errorCode ?? ''}`);
      assert.equal(err.maybeSent, false);

      const trusting = createOutbound({ extraCa: material.caCertPem });
      closers.push(() => trusting.close());
      const text =
        via === 'sendText'
          ? (await trusting.sendText(url, { method: 'GET', headers: {} })).text
          : await (await trusting.fetch(url)).text();
      assert.equal(text, '{"ok":true}');
    });
  }

  it('sendText: sends the body, and answers the status, the headers in lower case (repeated ones joined) and the body', async () => {
    let got = '';
    const server = http.createServer((req, res) => {
      req.setEncoding('utf8');
      req.on('data', (c: string) => (got += c));
      req.on('end', () => {
        res.setHeader('Request-Id', 'r-1');
        res.setHeader('X-Repeated', ['a', 'b']);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          `{"method":"${req.method ?? ''}","path":"${req.url ?? ''}","auth":"${req.headers.authorization ?? ''}"}`,
        );
      });
    });
    closers.push(() => server.close());
    const url = `http://127.0.0.1:${await listen(server)}/v1.0/calls?$top=1`;
    const answer = await outbound.sendText(url, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"x":1}',
    });
    assert.equal(got, '{"x":1}');
    assert.equal(answer.status, 201);
    assert.equal(answer.headers['request-id'], 'r-1');
    assert.equal(answer.headers['x-repeated'], 'a, b');
    assert.deepEqual(JSON.parse(answer.text), {
      method: 'POST',
      path: '/v1.0/calls?$top=1',
      auth: 'Bearer t',
    });
  });

  it('tells a Graph caller that the certificate is not trusted and to set EXTRA_CA_FILE, without retrying', async () => {
    let tokens = 0;
    const graph = createGraphClient({
      baseUrl: `${await privateServer()}/v1.0`,
      tokens: { appToken: () => (tokens++, Promise.resolve('t')) } as unknown as TokenProvider,
      logger: pino({ level: 'silent' }),
      sendText: outbound.sendText,
      sleep: () => Promise.resolve(),
    });
    await assert.rejects(
      graph.request({ method: 'GET', path: '/communications/calls/c1' }),
      (err: unknown) => {
        assert.ok(err instanceof CallingError, String(err));
        assert.match(err.message, /certificate of https:\/\/localhost:\d+ is not trusted/);
        assert.match(err.message, /EXTRA_CA_FILE/);
        return true;
      },
    );
    assert.equal(tokens, 1, 'one attempt');
  });

  it('opens at most MAX_CONNECTIONS_PER_ORIGIN connections to one origin; further requests wait for one', async () => {
    const pool = createOutbound();
    closers.push(() => pool.close());
    const held: Array<() => void> = [];
    let connections = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      held.push(() => res.end(req.url));
    });
    server.on('connection', () => (connections += 1));
    closers.push(() => server.close());
    const port = await listen(server);
    const total = MAX_CONNECTIONS_PER_ORIGIN + 8;
    const answers = Array.from({ length: total }, (_, i) =>
      pool.sendText(`http://127.0.0.1:${port}/r${i}`, { method: 'POST', headers: {}, body: '{}' }),
    );
    await eventually(() => held.length === MAX_CONNECTIONS_PER_ORIGIN, 5000);
    // Time for any request beyond the bound to have opened a connection of its own.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(held.length, MAX_CONNECTIONS_PER_ORIGIN, 'the other requests wait');
    assert.equal(connections, MAX_CONNECTIONS_PER_ORIGIN);
    // Once answered, the waiting requests go out on the connections freed.
    let done = false;
    const all = Promise.all(answers).finally(() => (done = true));
    while (!done) {
      for (const answer of held.splice(0)) answer();
      await new Promise((r) => setTimeout(r, 5));
    }
    const texts = (await all).map((a) => a.text);
    assert.deepEqual(
      texts,
      Array.from({ length: total }, (_, i) => `/r${i}`),
    );
    assert.equal(connections, MAX_CONNECTIONS_PER_ORIGIN, 'the waiting requests reused them');
  });

  it('tells a key fetch that the certificate is not trusted and to set EXTRA_CA_FILE', async () => {
    const fetchJson = createFetchJson({ fetch: outbound.fetch });
    const url = `${await privateServer()}/keys`;
    await assert.rejects(fetchJson(url), (err: unknown) => {
      assert.ok(err instanceof Error);
      assert.match(err.message, /^GET https:\/\/localhost:\d+\/keys failed: .*certificate/);
      assert.match(err.message, /set EXTRA_CA_FILE to that CA's PEM file/);
      return true;
    });
    const trusting = createOutbound({ extraCa: material.caCertPem });
    closers.push(() => trusting.close());
    assert.deepEqual(await createFetchJson({ fetch: trusting.fetch })(url), { ok: true });
  });
});

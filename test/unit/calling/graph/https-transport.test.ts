// The sender's one job beyond sending: telling "never left" from "may have reached the server", and
// trusting the extra CA on top of the system roots. Loopback servers only.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import {
  TransportError,
  createHttpsAgent,
  sendRaw,
  trustedCas,
} from '../../../../calling/graph/https-transport';
import { loadOrCreateTls } from '../../../../emulator/tls';

async function listen(server: http.Server | https.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return String((server.address() as AddressInfo).port);
}

async function failure(p: Promise<unknown>): Promise<TransportError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof TransportError, String(err));
    return err;
  }
  assert.fail('the request succeeded');
}

describe('https-transport', function () {
  this.timeout(20_000);
  const agent = createHttpsAgent();
  const closers: Array<() => void> = [];
  after(() => {
    agent.destroy();
    for (const close of closers) close();
  });

  it('reports a refused connection as never sent', async () => {
    const server = http.createServer();
    const port = await listen(server);
    await new Promise((r) => server.close(r));
    const err = await failure(
      sendRaw(agent, {
        method: 'POST',
        url: `http://127.0.0.1:${port}/x`,
        headers: {},
        body: '{}',
        timeoutMs: 2000,
      }),
    );
    assert.equal(err.maybeSent, false);
    assert.equal(err.errorCode, 'ECONNREFUSED');
    assert.equal(err.certificate, false);
  });

  it('reports a connection dropped after the request arrived as maybe sent', async () => {
    let arrived = false;
    const server = http.createServer((req) => {
      arrived = true;
      req.socket.destroy();
    });
    closers.push(() => server.close());
    const port = await listen(server);
    const err = await failure(
      sendRaw(agent, {
        method: 'POST',
        url: `http://127.0.0.1:${port}/x`,
        headers: {},
        body: '{}',
        timeoutMs: 2000,
      }),
    );
    assert.ok(arrived);
    assert.equal(err.maybeSent, true);
    assert.equal(err.timedOut, false);
  });

  it('reports a server that never answers as a timeout after sending', async () => {
    const server = http.createServer(() => undefined);
    closers.push(() => server.closeAllConnections());
    closers.push(() => server.close());
    const port = await listen(server);
    const started = Date.now();
    const err = await failure(
      sendRaw(agent, { method: 'GET', url: `http://127.0.0.1:${port}/x`, headers: {}, timeoutMs: 300 }),
    );
    assert.ok(Date.now() - started >= 290);
    assert.equal(err.timedOut, true);
    assert.equal(err.maybeSent, true);
  });

  it('returns status, lower-case headers and body, with content-length set for the body', async () => {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      // Not chained: restify (loaded by other test files in this process) patches writeHead to return nothing.
      req.on('end', () => {
        res.writeHead(201, { 'X-Echo-Length': req.headers['content-length'] ?? '' });
        res.end(Buffer.concat(chunks));
      });
    });
    closers.push(() => server.close());
    const port = await listen(server);
    const res = await sendRaw(agent, {
      method: 'POST',
      url: `http://127.0.0.1:${port}/x`,
      headers: {},
      body: 'héllo',
      timeoutMs: 2000,
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers['x-echo-length'], '6');
    assert.equal(res.body.toString('utf8'), 'héllo');
  });

  it('rejects an unknown CA as a certificate problem before sending, and trusts it as the extra CA', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-transport-'));
    closers.push(() => void rm(dir, { recursive: true, force: true }));
    const material = await loadOrCreateTls(dir);
    const server = https.createServer({ key: material.keyPem, cert: material.certPem }, (_req, res) =>
      res.end('ok'),
    );
    closers.push(() => server.close());
    const port = await listen(server);
    const url = `https://localhost:${port}/x`;

    const err = await failure(
      sendRaw(agent, { method: 'POST', url, headers: {}, body: '{}', timeoutMs: 5000 }),
    );
    assert.equal(err.certificate, true, `code ${err.errorCode ?? ''}`);
    assert.equal(err.maybeSent, false);

    const trusting = createHttpsAgent(material.caCertPem);
    closers.push(() => trusting.destroy());
    const res = await sendRaw(trusting, { method: 'GET', url, headers: {}, timeoutMs: 5000 });
    assert.equal(res.body.toString(), 'ok');
    assert.equal(
      trustedCas(material.caCertPem).length,
      tls.rootCertificates.length + 1,
      'the system roots stay trusted',
    );
  });

  it('keys its connections by address, not by the trusted CA bundle (which it would join on every request)', () => {
    const trusting = createHttpsAgent(tls.rootCertificates[0]);
    closers.push(() => trusting.destroy());
    // Agent.addRequest names each request's connection pool from the request merged with the agent's options.
    const name = trusting.getName({ ...trusting.options, host: 'graph.example', port: 443 });
    assert.ok(name.length < 1000, `a ${name.length}-character pool name`);
  });
});

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { TlsMaterial } from '../../../../emulator/tls';
import { listenDual, loadOrCreateTls } from '../../../../emulator/tls';

interface Reply {
  status: number;
  body: string;
}

function get(mod: typeof http | typeof https, url: string, options: https.RequestOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = mod.get(url, options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

describe('emulator/tls listenDual', () => {
  let dir: string;
  let material: TlsMaterial;
  let server: { port: number; close(): Promise<void> } | undefined;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sb-dual-'));
    material = await loadOrCreateTls(dir);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const echo = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const secure = (req.socket as tls.TLSSocket).encrypted === true;
    res.setHeader('content-type', 'text/plain');
    res.end(`${secure ? 'https' : 'http'} ${req.method} ${req.url}`);
  };

  it('answers plain HTTP and HTTPS on the same port with the same handler', async () => {
    server = await listenDual(echo, { port: 0, host: '127.0.0.1', tls: material });
    assert.ok(server.port > 0);
    const plain = await get(http, `http://127.0.0.1:${server.port}/softphone`, {});
    assert.deepEqual(plain, { status: 200, body: 'http GET /softphone' });
    const secure = await get(https, `https://localhost:${server.port}/x?y=1`, { ca: material.caCertPem });
    assert.deepEqual(secure, { status: 200, body: 'https GET /x?y=1' });
  });

  it('presents a certificate that fails without the local CA (no accidental trust)', async () => {
    server = await listenDual(echo, { port: 0, host: '127.0.0.1', tls: material });
    await assert.rejects(
      get(https, `https://localhost:${server.port}/`, { agent: false }),
      /self[- ]signed|unable to (get|verify)/i,
    );
  });

  it('serves many requests over one kept-alive TLS connection, and close() ends it promptly', async () => {
    server = await listenDual(echo, { port: 0, host: '127.0.0.1', tls: material });
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca: material.caCertPem });
    const seen = new Set<unknown>();
    agent.on('free', (socket) => seen.add(socket));
    for (let i = 0; i < 3; i++) {
      const r = await get(https, `https://127.0.0.1:${server.port}/n${i}`, { agent });
      assert.equal(r.body, `https GET /n${i}`);
    }
    assert.equal(seen.size, 1, 'one socket reused');
    const started = Date.now();
    await server.close();
    server = undefined;
    assert.ok(Date.now() - started < 1000, 'close did not wait for keep-alive sockets');
    agent.destroy();
  });

  it('survives a client that opens a TLS handshake and hangs up', async () => {
    server = await listenDual(echo, { port: 0, host: '127.0.0.1', tls: material });
    const port = server.port;
    await new Promise<void>((resolve) => {
      const s = tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: true });
      s.on('error', () => resolve());
      s.on('secureConnect', () => {
        s.destroy();
        resolve();
      });
    });
    const after = await get(http, `http://127.0.0.1:${port}/still-here`, {});
    assert.equal(after.body, 'http GET /still-here');
  });
});

// The doctor's HTTP client against loopback servers: the extra CA trusted next to the public roots, a
// host name mapped ahead of DNS, and failures described with the hint that fits them.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHttpClient, describeNetworkError } from '../../../manifest/doctor/http';
import { loadOrCreateTls, type TlsMaterial } from '../../../emulator/tls';

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  assert.fail('the request succeeded');
}

describe('doctor: HTTP client', function () {
  this.timeout(20_000);
  let dir: string;
  let material: TlsMaterial;
  const servers: Array<http.Server | https.Server> = [];
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sb-doctor-http-'));
    material = await loadOrCreateTls(dir);
  });
  after(async () => {
    for (const s of servers) s.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function privateServer(): Promise<number> {
    const server = https.createServer({ key: material.keyPem, cert: material.certPem }, (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, host: req.headers.host }));
    });
    servers.push(server);
    return listen(server);
  }

  it('says an unknown CA is not trusted and how to trust it, and trusts EXTRA_CA_FILE', async () => {
    const port = await privateServer();
    const err = await rejection(createHttpClient()(`https://localhost:${port}/`));
    assert.match(describeNetworkError(err).hint ?? '', /set EXTRA_CA_FILE to that CA's PEM file/);

    const answer = await createHttpClient(material.caCertPem)(`https://localhost:${port}/`, {
      method: 'POST',
      body: '{}',
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.text), { method: 'POST', host: `localhost:${port}` });
  });

  it('reaches a mapped host name at its address, ahead of DNS', async () => {
    const server = http.createServer((req, res) => res.end(req.headers.host));
    servers.push(server);
    const port = await listen(server);
    const client = createHttpClient(undefined, { 'doctor.example.test': '127.0.0.1' });
    const answer = await client(`http://doctor.example.test:${port}/`);
    assert.equal(answer.text, `doctor.example.test:${port}`);
  });

  it('says nothing listens on a refused port, and names the timeout of a silent server', async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    await new Promise((r) => closed.close(r));
    const refused = await rejection(createHttpClient()(`http://127.0.0.1:${port}/`));
    assert.match(describeNetworkError(refused).hint ?? '', /nothing listens there/);

    const silent = http.createServer(() => undefined);
    servers.push(silent);
    const silentPort = await listen(silent);
    const timedOut = await rejection(
      createHttpClient()(`http://127.0.0.1:${silentPort}/`, { timeoutMs: 200 }),
    );
    silent.closeAllConnections();
    assert.match(describeNetworkError(timedOut).what, /no answer within 200 ms/);
  });
});

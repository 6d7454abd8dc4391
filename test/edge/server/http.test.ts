import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { startApp, useApp } from '../../helpers/app';

describe('server edge: the real restify server on loopback', () => {
  const t = useApp();

  it('GET /healthz answers 200 alive', async () => {
    const res = await fetch(`${t.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'alive' });
  });

  it('GET /readyz answers 200 once the store and the calling keys are ready', async () => {
    const res = await fetch(`${t.url}/readyz`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; checks: Array<{ name: string; ok: boolean }> };
    assert.equal(body.status, 'ready');
    assert.deepEqual(
      body.checks.map((c) => [c.name, c.ok]),
      [
        ['store', true],
        ['calling-keys', true],
      ],
    );
  });

  it('malformed JSON gets 400 with a JSON error body and no stack trace', async () => {
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", ',
    });
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const text = await res.text();
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'invalid_json');
    assert.match(body.error.message, /not valid JSON/);
    assert.doesNotMatch(text, /at .+\.(ts|js):\d+/);
  });

  it('a JSON body that is not an activity object gets 400', async () => {
    const res = await fetch(`${t.url}/api/messages`, { method: 'POST', body: '[1,2]' });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'bad_request');
  });

  it('oversize body gets 413 (declared Content-Length)', async () => {
    const res = await fetch(`${t.url}/api/calls`, { method: 'POST', body: 'x'.repeat(256 * 1024 + 1) });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'payload_too_large');
  });

  it('oversize chunked body (no Content-Length) gets 413 once it passes the limit', async () => {
    const { status, body } = await chunkedPost(t.port, '/api/messages', 600 * 1024);
    assert.equal(status, 413);
    assert.equal((JSON.parse(body) as { error: { code: string } }).error.code, 'payload_too_large');
  });

  it('each route has its own limit: 300 KB is fine for /api/messages but not /api/calls', async () => {
    const big = JSON.stringify({ type: 'event', pad: 'y'.repeat(300 * 1024) });
    const calls = await fetch(`${t.url}/api/calls`, { method: 'POST', body: big });
    assert.equal(calls.status, 413);
    const messages = await fetch(`${t.url}/api/messages`, { method: 'POST', body: big });
    assert.notEqual(messages.status, 413);
  });

  it('unknown routes get 404 and wrong methods 405, both in the error shape', async () => {
    const nf = await fetch(`${t.url}/nope`);
    assert.equal(nf.status, 404);
    assert.equal(((await nf.json()) as { error: { code: string } }).error.code, 'not_found');
    const na = await fetch(`${t.url}/api/messages`);
    assert.equal(na.status, 405);
    assert.equal(((await na.json()) as { error: { code: string } }).error.code, 'method_not_allowed');
  });

  it('a client that aborts mid-body leaves the server serving', async () => {
    await new Promise<void>((resolve, reject) => {
      const s = net.connect(t.port, '127.0.0.1', () => {
        s.write(
          'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"ty',
        );
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 50);
      });
      s.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 50));
    const res = await fetch(`${t.url}/healthz`);
    assert.equal(res.status, 200);
  });

  it('answers the Graph subscription handshake with the decoded token as text/plain', async () => {
    const token = 'Validation: Token with spaces & symbols/+=';
    const res = await fetch(`${t.url}/api/notifications?validationToken=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await res.text(), token);
  });

  it('static routes refuse to climb out of their folder', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: t.port, path: '/prompts/..%2F..%2Fpackage.json' }, (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        })
        .on('error', reject);
    });
    assert.equal(res, 404);
  });
});

function chunkedPost(port: number, path: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'transfer-encoding': 'chunked' } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may close the connection once it has refused the body; that is not a failure here.
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
    );
    const chunk = Buffer.alloc(16 * 1024, 'z');
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('restify in the same process as other HTTP code', () => {
  it("drops writeHead's return value process-wide, which is why nothing here chains it", async () => {
    // If a restify release stops replacing ServerResponse.prototype.writeHead, this fails: the
    // no-chained-writeHead lint rule and the note in server/README.md can then go.
    const t = await startApp();
    let returned: unknown = 'not called';
    const other = http.createServer((_req, res) => {
      returned = res.writeHead(201, { 'x-plain': 'yes' });
      res.end('plain');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    try {
      const { port } = other.address() as net.AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(res.status, 201);
      assert.equal(await res.text(), 'plain');
      assert.equal(returned, undefined);
    } finally {
      await new Promise((r) => other.close(r));
      await t.stop();
    }
  });
});

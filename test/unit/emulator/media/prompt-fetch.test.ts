import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeWav, fetchPrompt } from '../../../../emulator/media';
import { GOOD, chunk, wavFile } from './riff-builder';

const goodWav = encodeWav(new Int16Array(8000), 16000);
const labelled = Buffer.concat([
  wavFile(GOOD, 3200),
  chunk(
    'LIST',
    Buffer.concat([Buffer.from('INFO'), chunk('ICMT', Buffer.from('Welcome to Switchboard.\0'))]),
  ),
]);
labelled.writeUInt32LE(labelled.length - 8, 4);
const narrowband = wavFile({ format: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 }, 1600);

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  switch (req.url) {
    case '/welcome.wav':
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.end(goodWav);
      return;
    case '/labelled.wav':
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.end(labelled);
      return;
    case '/moved.wav':
      res.writeHead(302, { location: '/welcome.wav' });
      res.end();
      return;
    case '/page.html':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Not found, sorry</body></html>');
      return;
    case '/narrowband.wav':
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.end(narrowband);
      return;
    case '/huge-declared.wav':
      res.writeHead(200, { 'content-length': String(50_000_000) });
      res.write(goodWav.subarray(0, 44)); // the client must give up on the header alone
      return;
    case '/huge-streamed.wav': {
      // No content-length: the cap has to be enforced while reading.
      res.writeHead(200, { 'content-type': 'audio/wav' });
      const block = Buffer.alloc(16 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 1024 * 1024 && res.write(block)) sent += block.length;
        if (sent < 1024 * 1024) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => undefined);
      pump();
      return;
    }
    case '/stalls.wav':
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.write(goodWav.subarray(0, 20)); // then nothing
      return;
    default:
      res.writeHead(404);
      res.end('no such prompt');
  }
}

describe('emulator/media fetchPrompt', () => {
  let server: http.Server;
  let base: string;

  before(async () => {
    server = http.createServer(route);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('accepts a 16 kHz mono 16-bit WAV and returns its info', async () => {
    const r = await fetchPrompt(`${base}/welcome.wav`);
    assert.deepEqual(r, {
      ok: true,
      info: {
        audioFormat: 1,
        channels: 1,
        sampleRate: 16000,
        bitsPerSample: 16,
        dataBytes: 16000,
        durationMs: 500,
      },
      wav: goodWav,
    });
  });

  it('returns the labels a prompt carries (RIFF INFO) with its bytes', async () => {
    const r = await fetchPrompt(`${base}/labelled.wav`);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.info.tags, { ICMT: 'Welcome to Switchboard.' });
    assert.deepEqual(r.wav, labelled);
  });

  it('follows a redirect', async () => {
    const r = await fetchPrompt(`${base}/moved.wav`);
    assert.equal(r.ok, true);
  });

  it('reports a 404', async () => {
    const r = await fetchPrompt(`${base}/nowhere.wav`);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /HTTP 404/);
  });

  it('reports a body that is not a WAV', async () => {
    const r = await fetchPrompt(`${base}/page.html`);
    assert.match(!r.ok ? r.reason : '', /not a usable WAV file: does not start with RIFF/);
  });

  it('reports the wrong format', async () => {
    const r = await fetchPrompt(`${base}/narrowband.wav`);
    assert.match(!r.ok ? r.reason : '', /unsupported prompt format: 8000 Hz, 16000 Hz expected/);
  });

  it('refuses an oversize prompt, declared or streamed', async () => {
    const declared = await fetchPrompt(`${base}/huge-declared.wav`, { maxBytes: 100_000 });
    assert.match(!declared.ok ? declared.reason : '', /50000000 bytes, limit 100000/);
    const streamed = await fetchPrompt(`${base}/huge-streamed.wav`, { maxBytes: 100_000 });
    assert.match(!streamed.ok ? streamed.reason : '', /exceeds 100000 bytes/);
  });

  it('times out on a server that stalls', async () => {
    const started = Date.now();
    const r = await fetchPrompt(`${base}/stalls.wav`, { timeoutMs: 300 });
    assert.match(!r.ok ? r.reason : '', /timed out after 300 ms/);
    assert.ok(Date.now() - started < 2000);
  });

  it('reports a refused connection and a bad URL', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const refused = await fetchPrompt(`http://127.0.0.1:${port}/x.wav`);
    assert.match(!refused.ok ? refused.reason : '', /ECONNREFUSED/);
    const ftp = await fetchPrompt('ftp://127.0.0.1/x.wav');
    assert.match(!ftp.ok ? ftp.reason : '', /unsupported scheme ftp:/);
    const junk = await fetchPrompt('not a url');
    assert.match(!junk.ok ? junk.reason : '', /not a valid URL/);
  });
});

describe('emulator/media fetchPrompt over https', () => {
  let server: https.Server | undefined;
  let base = '';
  let caPem = '';

  before(async function () {
    let dir = '';
    try {
      dir = mkdtempSync(path.join(tmpdir(), 'prompt-tls-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
        ].concat([
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ]),
        { stdio: 'ignore' },
      );
      caPem = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
      const key = readFileSync(path.join(dir, 'key.pem'), 'utf8');
      server = https.createServer({ key, cert: caPem }, route);
    } catch (err) {
      this.test!.title += ` [skipped: cannot make a test certificate with openssl: ${(err as Error).message}]`;
      this.skip();
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    base = `https://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  });
  after(async () => {
    if (!server) return;
    server.closeAllConnections();
    await new Promise((r) => server!.close(r));
  });

  it('trusts the extra CA when given, and only then', async () => {
    const trusted = await fetchPrompt(`${base}/welcome.wav`, { ca: caPem });
    assert.equal(trusted.ok, true, !trusted.ok ? trusted.reason : '');
    const untrusted = await fetchPrompt(`${base}/welcome.wav`);
    assert.match(!untrusted.ok ? untrusted.reason : '', /self.signed|unable to verify|certificate/i);
  });
});

import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { loadOrCreateTls } from '../../../../emulator/tls';

function hostsOf(pem: string): string[] {
  return (new X509Certificate(pem).subjectAltName ?? '').split(', ').sort();
}

/** Rewrites server.pem as a certificate from the same key and CA that expired yesterday. */
async function expireServerCert(dir: string): Promise<void> {
  const caCert = forge.pki.certificateFromPem(await readFile(path.join(dir, 'ca.pem'), 'utf8'));
  const caKey = forge.pki.privateKeyFromPem(await readFile(path.join(dir, 'ca-key.pem'), 'utf8'));
  const key = forge.pki.privateKeyFromPem(
    await readFile(path.join(dir, 'server-key.pem'), 'utf8'),
  ) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '0badc0de';
  cert.validity.notBefore = new Date(Date.now() - 10 * 86400_000);
  cert.validity.notAfter = new Date(Date.now() - 86400_000);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  await writeFile(path.join(dir, 'server.pem'), forge.pki.certificateToPem(cert));
}

describe('emulator/tls loadOrCreateTls', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sb-tls-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a 10-year CA and a server certificate for localhost, 127.0.0.1 and ::1', async () => {
    const tls = await loadOrCreateTls(dir);
    assert.equal(tls.caPath, path.join(dir, 'ca.pem'));
    assert.equal(await readFile(tls.caPath, 'utf8'), tls.caCertPem);
    const ca = new X509Certificate(tls.caCertPem);
    const server = new X509Certificate(tls.certPem);
    assert.equal(ca.ca, true);
    const caYears = (Date.parse(ca.validTo) - Date.now()) / (365 * 86400_000);
    assert.ok(caYears > 9.9 && caYears < 10.1, `CA lifetime ${caYears} years`);
    assert.equal(server.ca, false);
    assert.ok(server.checkIssued(ca) && server.verify(ca.publicKey));
    assert.deepEqual(hostsOf(tls.certPem), [
      'DNS:localhost',
      'IP Address:0:0:0:0:0:0:0:1',
      'IP Address:127.0.0.1',
    ]);
    for (const name of ['ca.pem', 'ca-key.pem', 'server.pem', 'server-key.pem']) {
      assert.ok((await stat(path.join(dir, name))).size > 0, name);
    }
    assert.equal((await stat(path.join(dir, 'ca-key.pem'))).mode & 0o077, 0, 'CA key readable by owner only');
  });

  it('reuses the stored CA and certificate on the next start', async () => {
    const first = await loadOrCreateTls(dir);
    const second = await loadOrCreateTls(dir);
    assert.equal(second.caCertPem, first.caCertPem);
    assert.equal(second.certPem, first.certPem);
    assert.equal(second.keyPem, first.keyPem);
  });

  it('reissues the server certificate (same CA) when it is missing, expired or the host names change', async () => {
    const first = await loadOrCreateTls(dir);
    await rm(path.join(dir, 'server.pem'));
    const afterMissing = await loadOrCreateTls(dir);
    assert.notEqual(afterMissing.certPem, first.certPem);
    assert.equal(afterMissing.caCertPem, first.caCertPem);

    await expireServerCert(dir);
    const afterExpiry = await loadOrCreateTls(dir);
    assert.ok(Date.parse(new X509Certificate(afterExpiry.certPem).validTo) > Date.now());
    assert.equal(afterExpiry.caCertPem, first.caCertPem);

    const renamed = await loadOrCreateTls(dir, ['localhost', 'switchboard.test', '127.0.0.1']);
    assert.deepEqual(hostsOf(renamed.certPem), [
      'DNS:localhost',
      'DNS:switchboard.test',
      'IP Address:127.0.0.1',
    ]);
    assert.equal(renamed.caCertPem, first.caCertPem);
  });

  it('replaces a damaged CA file and reissues the server certificate under the new CA', async () => {
    const first = await loadOrCreateTls(dir);
    await writeFile(path.join(dir, 'ca.pem'), 'not a certificate');
    const second = await loadOrCreateTls(dir);
    assert.notEqual(second.caCertPem, first.caCertPem);
    assert.ok(new X509Certificate(second.certPem).checkIssued(new X509Certificate(second.caCertPem)));
  });
});

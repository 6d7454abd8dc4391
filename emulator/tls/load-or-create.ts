import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyAndCert } from './certificates';
import { canonicalHost, createCa, issueServerCert } from './certificates';

export interface TlsMaterial {
  caCertPem: string;
  certPem: string;
  keyPem: string;
  caPath: string;
}

export const DEFAULT_HOSTNAMES = ['localhost', '127.0.0.1', '::1'];
// Renew a little before expiry so a long-running emulator never serves a dead certificate.
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;

async function readPair(certPath: string, keyPath: string): Promise<KeyAndCert | undefined> {
  try {
    const [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    return { certPem, keyPem };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function writePair(certPath: string, keyPath: string, pair: KeyAndCert): Promise<void> {
  await writeFile(keyPath, pair.keyPem, { mode: 0o600 });
  await writeFile(certPath, pair.certPem, { mode: 0o644 });
}

/** Host names a certificate covers, from its subjectAltName, in canonical spelling. */
export function certificateHosts(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(', ')
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter((h) => h !== '')
    .map(canonicalHost);
}

function keyMatches(pair: KeyAndCert): boolean {
  const cert = new X509Certificate(pair.certPem);
  return cert.checkPrivateKey(createPrivateKey(pair.keyPem));
}

/** A damaged file counts as unusable, so it is replaced rather than crashing the start-up. */
function parsesAnd(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

function caUsable(ca: KeyAndCert, now: number): boolean {
  const cert = new X509Certificate(ca.certPem);
  return cert.ca && Date.parse(cert.validTo) - RENEW_BEFORE_MS > now && keyMatches(ca);
}

function serverUsable(server: KeyAndCert, ca: KeyAndCert, hostnames: string[], now: number): boolean {
  const cert = new X509Certificate(server.certPem);
  const caCert = new X509Certificate(ca.certPem);
  if (!cert.checkIssued(caCert) || !cert.verify(caCert.publicKey)) return false;
  if (Date.parse(cert.validTo) - RENEW_BEFORE_MS <= now || Date.parse(cert.validFrom) > now) return false;
  if (!keyMatches(server)) return false;
  const have = new Set(certificateHosts(cert));
  const want = new Set(hostnames.map(canonicalHost));
  return have.size === want.size && [...want].every((h) => have.has(h));
}

/** Loads the local CA + server cert from dataDir, creating or renewing them as needed. */
export async function loadOrCreateTls(
  dataDir: string,
  hostnames: string[] = DEFAULT_HOSTNAMES,
): Promise<TlsMaterial> {
  await mkdir(dataDir, { recursive: true });
  const caPath = path.join(dataDir, 'ca.pem');
  const caKeyPath = path.join(dataDir, 'ca-key.pem');
  const serverPath = path.join(dataDir, 'server.pem');
  const serverKeyPath = path.join(dataDir, 'server-key.pem');
  const now = Date.now();

  let ca = await readPair(caPath, caKeyPath);
  if (!ca || !parsesAnd(() => caUsable(ca as KeyAndCert, now))) {
    ca = createCa(new Date(now));
    await writePair(caPath, caKeyPath, ca);
  }
  let server = await readPair(serverPath, serverKeyPath);
  if (!server || !parsesAnd(() => serverUsable(server as KeyAndCert, ca as KeyAndCert, hostnames, now))) {
    server = issueServerCert(ca, hostnames, new Date(now));
    await writePair(serverPath, serverKeyPath, server);
  }
  return { caCertPem: ca.certPem, certPem: server.certPem, keyPem: server.keyPem, caPath };
}

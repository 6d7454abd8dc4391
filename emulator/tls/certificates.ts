import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

const DAY_MS = 24 * 60 * 60 * 1000;
export const CA_LIFETIME_DAYS = 3650;
// Browsers refuse leaf certificates valid for more than 398 days.
export const SERVER_LIFETIME_DAYS = 397;

export interface KeyAndCert {
  keyPem: string;
  certPem: string;
}

/** A fresh RSA key as PKCS#8 PEM (node's generator: forge's pure-JS one takes seconds). */
export function newRsaKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Positive serial number, 16 random bytes, as X.509 requires. */
function serialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function publicKeyOf(keyPem: string): forge.pki.rsa.PublicKey {
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  return forge.pki.setRsaPublicKey(key.n, key.e);
}

/** Creates the local certification authority (self-signed, 10 years). */
export function createCa(now: Date = new Date()): KeyAndCert {
  const keyPem = newRsaKeyPem();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKeyOf(keyPem);
  cert.serialNumber = serialHex();
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + CA_LIFETIME_DAYS * DAY_MS);
  const subject = [
    { name: 'commonName', value: 'Switchboard Emulator Local CA' },
    { name: 'organizationName', value: 'Switchboard (local)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}

/** Issues a server certificate for the given DNS names and IP addresses, signed by the CA. */
export function issueServerCert(ca: KeyAndCert, hostnames: string[], now: Date = new Date()): KeyAndCert {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const keyPem = newRsaKeyPem();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKeyOf(keyPem);
  cert.serialNumber = serialHex();
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + SERVER_LIFETIME_DAYS * DAY_MS);
  const commonName = hostnames.find((h) => isIP(h) === 0) ?? hostnames[0] ?? 'localhost';
  cert.setSubject([{ name: 'commonName', value: commonName }]);
  cert.setIssuer(caCert.subject.attributes);
  const altNames = hostnames.map((h) => (isIP(h) === 0 ? { type: 2, value: h } : { type: 7, ip: h }));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}

/** One spelling per host name, so "::1" and "0:0:0:0:0:0:0:1" compare equal. */
export function canonicalHost(host: string): string {
  const version = isIP(host);
  if (version === 0) return host.toLowerCase();
  return new URL(version === 6 ? `http://[${host}]/` : `http://${host}/`).hostname;
}
